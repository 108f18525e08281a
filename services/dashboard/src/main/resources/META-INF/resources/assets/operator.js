// Live updates for the operator page: one Server-Sent Event per hub snapshot. No library, no build step.
(function () {
  'use strict';
  var BARS = '\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588';
  var received = {}; // slug -> {age seconds at generation, client time received}
  var staleAfter = 120;

  function byId(id) { return document.getElementById(id); }
  function text(id, value) { var el = byId(id); if (el) { el.textContent = value; } }
  function short(id) { return id ? String(id).substring(0, 8) : ''; }
  function rows(id, items, cells) {
    var body = byId(id);
    if (!body) { return; }
    var fresh = document.createElement('tbody');
    fresh.id = id;
    items.forEach(function (item) {
      var tr = document.createElement('tr');
      cells(item).forEach(function (value) {
        var td = document.createElement('td');
        td.textContent = value === null || value === undefined ? '' : value;
        tr.appendChild(td);
      });
      fresh.appendChild(tr);
    });
    body.parentNode.replaceChild(fresh, body);
  }
  function spark(perMinute) {
    var max = Math.max.apply(null, perMinute.concat([0]));
    return perMinute.map(function (n) { return BARS.charAt(max === 0 ? 0 : Math.min(7, Math.floor(n * 7 / max))); }).join('');
  }

  var SVG = 'http://www.w3.org/2000/svg';
  function svg(name, attrs, text) {
    var el = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    if (text !== undefined) { el.textContent = text; }
    return el;
  }
  // The map's layout comes from the server: only the cells (and the notes under the map) change.
  function map(slug, m) {
    var layer = byId(slug + '-map-cells');
    if (!layer || !m) { return; }
    while (layer.firstChild) { layer.removeChild(layer.firstChild); }
    m.cells.forEach(function (c) {
      var g = svg('g', { 'class': 'cell ' + c.balance });
      g.appendChild(svg('title', {}, c.place + ': ' + c.open + ' open requests (' + c.waiting + ' waiting for a volunteer), '
        + c.volunteers + ' volunteers on duty (' + c.free + ' free)'));
      g.appendChild(svg('rect', { x: c.x, y: c.y, width: c.w, height: c.h }));
      g.appendChild(svg('text', { x: c.cx, y: c.cy, dy: -2 }, c.open + ' req'));
      g.appendChild(svg('text', { x: c.cx, y: c.cy, dy: 11 }, c.volunteers + ' vol'));
      layer.appendChild(g);
    });
    text(slug + '-map-notes', m.openWithoutLocation + ' open without a location; beyond the map: ' + m.openOffMap
      + ' open, ' + m.volunteersOffMap + ' volunteers.');
  }

  function show(s) {
    var p = s.slug + '-';
    var b = s.backlog;
    text(p + 'open', b.open); text(p + 'unmatched', b.unmatched); text(p + 'breaching', b.breaching);
    text(p + 'oldest', b.oldestUnmatchedMinutes === null ? 'none' : b.oldestUnmatchedMinutes + ' min');
    rows(p + 'urgency', b.byUrgency, function (r) { return [r.urgency, r.open, r.unmatched, r.breaching, r.oldestUnmatchedMinutes]; });
    rows(p + 'waiting', b.waiting, function (w) {
      return [short(w.requestId), w.category, w.urgency, w.area, w.ageMinutes,
        (w.breaching ? 'Yes' : 'No') + (w.escalationLevel > 0 ? ' (escalated ' + w.escalationLevel + ')' : '')];
    });
    text(p + 'within-target', s.matchedWithinTarget.withinTarget + ' of ' + s.matchedWithinTarget.matched);
    var u = s.supply;
    text(p + 'on-duty', u.volunteersOnDuty); text(p + 'available', u.volunteersAvailable);
    text(p + 'assigned', u.volunteersAssigned); text(p + 'offers', u.offersOutstanding);
    rows(p + 'areas', u.areas, function (a) { return [a.area || '(no area)', a.open, a.unmatched]; });
    rows(p + 'items', u.items, function (i) { return [i.item, i.requested, i.inStock]; });
    rows(p + 'claims', s.claims, function (c) { return [short(c.requestId), short(c.volunteerId), c.status, c.minutes]; });
    rows(p + 'stock', s.stockAlerts, function (l) { return [l.item, short(l.locationId), l.available, l.minimum]; });
    text(p + 'sent', s.notifications.sent); text(p + 'failed', s.notifications.failed);
    text(p + 'escalations', s.escalations.lastDay); text(p + 'escalated-open', s.escalations.openEscalated);
    rows(p + 'channels', s.notifications.byChannel, function (c) { return [c.channel, c.sent, c.failed]; });
    rows(p + 'deliveries', s.deliveryFailures, function (d) { return [short(d.requestId), d.reason, d.failedAt]; });
    map(s.slug, s.map);
    rows('event-rates', s.eventRates, function (t) {
      return [t.topic, t.lastMinute, t.last15Minutes, spark(t.perMinute), t.lastEventAt || 'none yet',
        t.consumerLag === null ? 'unknown' : t.consumerLag, t.lagMeasuredAt || 'not yet'];
    });
    received[s.slug] = { age: s.dataAgeSeconds, at: Date.now() };
    badge(s.slug);
  }

  // The age keeps growing between messages, so the badge is redrawn every second from the last one.
  function badge(slug) {
    var el = byId(slug + '-stale');
    var r = received[slug];
    if (!el || !r) { return; }
    if (r.age === null) { el.textContent = 'No events received yet'; el.className = 'badge stale'; return; }
    var age = r.age + Math.round((Date.now() - r.at) / 1000);
    var stale = age > staleAfter;
    el.textContent = (stale ? 'Stale: last event ' : 'Live: last event ') + age + ' s ago';
    el.className = 'badge ' + (stale ? 'stale' : 'live');
  }

  document.querySelectorAll('[data-age]').forEach(function (el) {
    var age = el.getAttribute('data-age');
    received[el.id.replace(/-stale$/, '')] = { age: age === '' ? null : Number(age), at: Date.now() };
  });
  setInterval(function () { Object.keys(received).forEach(badge); }, 1000);

  if (!window.EventSource) { return; }
  var source = new EventSource('/operator/stream');
  source.onopen = function () { text('connection', 'Live updates on'); };
  source.onerror = function () { text('connection', 'Live updates interrupted, reconnecting'); };
  source.onmessage = function (event) { show(JSON.parse(event.data)); };
})();
