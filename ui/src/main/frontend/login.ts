// login.html's only script: shows the error message when the host sent the browser back with ?error=1.
const error = document.getElementById("cc-login-error");
if (error && new URLSearchParams(location.search).has("error")) error.hidden = false;
