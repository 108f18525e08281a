// The people's pages work without this script; with it: "use my location", phone/email fields shown only for the
// way of contact chosen, a form sent once however often "send" is pressed, and a tracking page that refreshes
// itself. No library: each of these is a few lines, and the page stays under its weight budget.
(function () {
  document.body.classList.add('govuk-frontend-supported');

  var locate = document.querySelector('[data-locate]');
  if (locate && navigator.geolocation) {
    locate.classList.remove('site-hidden');
    locate.addEventListener('click', function () {
      navigator.geolocation.getCurrentPosition(function (p) {
        document.getElementById('lat').value = p.coords.latitude.toFixed(5);
        document.getElementById('lon').value = p.coords.longitude.toFixed(5);
        document.getElementById('located').classList.remove('site-hidden');
      });
    });
  }

  var contact = document.querySelectorAll('input[name=contact]');
  function showContactField() {
    var chosen = document.querySelector('input[name=contact]:checked');
    var value = chosen ? chosen.value : 'none';
    document.querySelectorAll('[data-for-contact]').forEach(function (field) {
      var wanted = field.getAttribute('data-for-contact').split(' ').indexOf(value) >= 0;
      field.classList.toggle('site-hidden', !wanted && !field.querySelector('.govuk-error-message'));
    });
  }
  contact.forEach(function (radio) { radio.addEventListener('change', showContactField); });
  if (contact.length) { showContactField(); }

  document.querySelectorAll('form[data-once]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (form.getAttribute('data-sent')) { event.preventDefault(); return; }
      form.setAttribute('data-sent', '1');
      form.querySelectorAll('button[type=submit]').forEach(function (b) { b.setAttribute('aria-disabled', 'true'); });
    });
  });

  var live = document.querySelector('[data-refresh]');
  if (live) {
    setInterval(function () {
      fetch(location.pathname + location.search, { headers: { 'Accept': 'text/html' } })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) {
          if (!html) { return; }
          var fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-refresh]');
          if (fresh && fresh.innerHTML !== live.innerHTML) { live.innerHTML = fresh.innerHTML; }
        })
        .catch(function () { /* offline for a moment: the next try may work */ });
    }, parseInt(live.getAttribute('data-refresh'), 10) * 1000);
  }
})();
