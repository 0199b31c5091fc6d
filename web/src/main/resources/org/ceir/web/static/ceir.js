// ceir: the little JavaScript the pages use; every page works without it.
(function () {
    'use strict';
    document.addEventListener('DOMContentLoaded', function () {
        // Move focus to an answer or an error after a check, so screen readers read it at once.
        var target = document.querySelector('.error-summary, #answer, .notice, #quote, #applied, #reported, #imported');
        if (target) {
            target.setAttribute('tabindex', '-1');
            target.focus();
        }
        // People paste IMEIs with spaces or dashes; keep only what the check reads.
        var imei = document.getElementById('imei');
        if (imei && imei.form) {
            imei.form.addEventListener('submit', function () {
                imei.value = imei.value.replace(/[\s\-./]/g, '');
            });
        }
    });
}());
