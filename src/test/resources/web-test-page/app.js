document.title = "stand-in";
