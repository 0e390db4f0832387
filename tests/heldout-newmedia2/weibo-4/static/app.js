/* weibo lite app bundle (stub) */
