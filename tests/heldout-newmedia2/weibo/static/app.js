/* weibo lite app bundle (stub: the fixture does not render client-side) */
