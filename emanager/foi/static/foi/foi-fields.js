// The fields of a public-information request on the write and intake forms:
// shown only while the kind "public information" is chosen, and the name of
// the organisation only while "on behalf of an organisation" is. Without
// JavaScript every field is shown, with a hint that says when it applies.
(function () {
  "use strict";

  function toggle(element, show) {
    if (element) {
      element.hidden = !show;
    }
  }

  function setUp() {
    var fieldset = document.querySelector("[data-foi-fields]");
    if (!fieldset) {
      return;
    }
    var kind = document.getElementById(fieldset.dataset.kindField);
    var organisation = document.getElementById(fieldset.dataset.organisationField);
    var organisationField = organisation ? organisation.closest(".field") : null;
    var hint = fieldset.querySelector("[data-foi-hint]");
    var requesterRadios = fieldset.querySelectorAll(
      "input[type=radio][name='" + fieldset.dataset.requesterName + "']"
    );

    function update() {
      toggle(fieldset, !kind || kind.value === fieldset.dataset.kindValue);
      var forOrganisation = Array.prototype.some.call(requesterRadios, function (radio) {
        return radio.checked && radio.value === fieldset.dataset.organisationValue;
      });
      toggle(organisationField, forOrganisation);
    }

    toggle(hint, false);
    if (kind) {
      kind.addEventListener("change", update);
    }
    Array.prototype.forEach.call(requesterRadios, function (radio) {
      radio.addEventListener("change", update);
    });
    update();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
