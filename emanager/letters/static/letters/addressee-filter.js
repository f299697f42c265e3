// A filter box above the list of addressees: typing any part of a name,
// a position or a body narrows the list. Without JavaScript the plain list
// works as before.
(function () {
  "use strict";

  function setUp() {
    var select = document.getElementById("id_addressee");
    if (!select || !select.dataset.filterLabel) {
      return;
    }
    var label = document.createElement("label");
    label.htmlFor = "addressee-filter";
    label.textContent = select.dataset.filterLabel;
    var input = document.createElement("input");
    input.type = "search";
    input.id = "addressee-filter";
    input.className = "addressee-filter";
    input.autocomplete = "off";
    input.setAttribute("aria-controls", "id_addressee");
    var status = document.createElement("p");
    status.className = "hint";
    status.setAttribute("aria-live", "polite");
    select.parentNode.insertBefore(label, select);
    select.parentNode.insertBefore(input, select);
    select.parentNode.insertBefore(status, select);

    var options = Array.prototype.slice.call(select.options).filter(function (option) {
      return option.value !== "";
    });
    input.addEventListener("input", function () {
      var query = input.value.toLocaleLowerCase().trim();
      var shown = 0;
      options.forEach(function (option) {
        var match = query === "" || option.text.toLocaleLowerCase().indexOf(query) !== -1;
        option.hidden = !match;
        option.disabled = !match && !option.selected;
        if (match) {
          shown += 1;
        }
      });
      Array.prototype.forEach.call(select.querySelectorAll("optgroup"), function (group) {
        group.hidden = !Array.prototype.some.call(group.children, function (option) {
          return !option.hidden;
        });
      });
      status.textContent = query === "" ? "" : select.dataset.filterCount.replace("%s", shown);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
