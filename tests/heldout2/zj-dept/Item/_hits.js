document.write('1024');
