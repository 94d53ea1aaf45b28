// Small progressive enhancements; every page works without them.
(function () {
  "use strict";

  // Copy buttons: <button data-copy-target="id">.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy-target]");
    if (!button) return;
    var target = document.getElementById(button.getAttribute("data-copy-target"));
    if (!target || !navigator.clipboard) return;
    var label = button.textContent;
    navigator.clipboard.writeText(target.textContent.trim()).then(function () {
      button.textContent = "Copied";
      setTimeout(function () { button.textContent = label; }, 2000);
    });
  });

  // Countdown: <p data-expires-at="ISO instant" data-seconds-left="N">.
  document.querySelectorAll("[data-seconds-left]").forEach(function (element) {
    var deadline = Date.now() + 1000 * parseInt(element.getAttribute("data-seconds-left"), 10);
    function tick() {
      var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
      if (left === 0) {
        element.textContent = "This code has expired. Start the login again.";
        element.classList.add("expired");
        return;
      }
      element.textContent = "Expires in " + left + (left === 1 ? " second." : " seconds.");
      setTimeout(tick, 1000);
    }
    tick();
  });
})();
