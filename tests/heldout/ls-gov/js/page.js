function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt){
  if(_nPageCount == null || _nPageCount <= 1){ return; }
  var nCurrIndex = _nCurrIndex || 0;
  if(nCurrIndex == 0){ document.write("首页&nbsp;上一页&nbsp;"); }
  else {
    document.write("<a href=\"" + _sPageName + "." + _sPageExt + "\">首页</a>&nbsp;");
    if(nCurrIndex == 1) document.write("<a href=\"" + _sPageName + "." + _sPageExt + "\">上一页</a>&nbsp;");
    else document.write("<a href=\"" + _sPageName + "_" + (nCurrIndex - 1) + "." + _sPageExt + "\">上一页</a>&nbsp;");
  }
  if(nCurrIndex == (_nPageCount - 1)){ document.write("下一页&nbsp;尾页"); }
  else {
    document.write("<a href=\"" + _sPageName + "_" + (nCurrIndex + 1) + "." + _sPageExt + "\">下一页</a>&nbsp;");
    document.write("<a href=\"" + _sPageName + "_" + (_nPageCount - 1) + "." + _sPageExt + "\">尾页</a>");
  }
  document.write("&nbsp;共" + _nPageCount + "页");
}
