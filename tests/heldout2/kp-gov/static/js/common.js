var aria={start:function(){}};
