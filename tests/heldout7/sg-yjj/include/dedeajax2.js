function ChangeFontSize(n){var e=document.getElementById('contentMidPicAD');if(e){e.style.fontSize=n+'px';}}
function CheckLogin(){return true;}
