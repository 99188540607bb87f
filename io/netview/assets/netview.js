// netview.js: draws the co-authorship network views written by coauthnet
// (package io/netview) with cytoscape.js. Part of coauthnet (see its
// LICENSE); cytoscape.js is MIT-licensed (cytoscape.LICENSE).
//
// netviewDraw(root) reads the JSON in root's .nv-data element:
//   nodes  [{id, name, country, x, y}]        positions from Go, shared by all frames
//   frames [{label, papers, nodes: [[i, papers, intl, output, group]],
//            edges: [[i, j, weight, papers together]]}]
//   groups [{name, color}], maxOutput, maxWeight, counting, level, start
// and exposes its state as root.netview and window.netviews[root.id]
// (cy, show(i), current()), for scripts and tests.
(function () {
  'use strict';

  var NO_GROUP = '#BBBBBB';

  function fmt(x) {
    if (x === null || x === undefined) { return '–'; }
    if (Math.abs(x) >= 100 || x === Math.round(x)) { return String(Math.round(x)); }
    return x.toPrecision(3);
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function netview(root) {
    if (!root) { return null; }
    var q = function (sel) { return root.querySelector(sel); };
    var status = q('.nv-status');
    if (typeof window.cytoscape !== 'function') {
      q('.nv-canvas').textContent = 'The network view needs netview.js and cytoscape.min.js, which were not found next to this page.';
      return null;
    }
    var data = JSON.parse(q('.nv-data').textContent);
    var slider = q('.nv-slider'), frameOut = q('.nv-frame'), search = q('.nv-search');
    var info = q('.nv-info'), legend = q('.nv-legend');
    var isCountry = data.level === 'country';
    var maxOut = data.maxOutput || 1, maxW = data.maxWeight || 1;

    // Names for the search box.
    var names = document.getElementById(root.id + '-names');
    data.nodes.forEach(function (n) {
      var o = document.createElement('option');
      o.value = isCountry ? n.name + ' (' + n.id + ')' : n.name;
      names.appendChild(o);
    });

    // Legend.
    if (data.groups.length > 0) {
      legend.appendChild(el('div', 'nv-legend-title', data.groupTitle));
      data.groups.concat([{ name: 'none', color: NO_GROUP }]).forEach(function (g) {
        var row = el('div', 'nv-legend-row');
        var sw = el('span', 'nv-swatch');
        sw.style.background = g.color;
        row.appendChild(sw);
        row.appendChild(document.createTextNode(g.name));
        legend.appendChild(row);
      });
    }
    legend.appendChild(el('p', 'nv-note', 'Node size grows with output (area ∝ fractional papers); edge width ∝ √weight (' +
      data.counting + '), on one scale for all ' + (slider.max > 0 ? 'frames' : 'of the graph') + '. Hover or search for details.'));

    var cy = window.cytoscape({
      container: q('.nv-canvas'),
      elements: [],
      layout: { name: 'preset' },
      minZoom: 0.05,
      maxZoom: 10,
      boxSelectionEnabled: false,
      style: [
        { selector: 'node', style: {
          'width': 'data(size)', 'height': 'data(size)',
          'background-color': 'data(color)',
          'border-width': 0.5, 'border-color': '#ffffff',
          'label': 'data(label)', 'font-size': isCountry ? 20 : 16,
          'font-family': 'Liberation Sans, Arial, Helvetica, sans-serif',
          'text-valign': 'bottom', 'text-halign': 'center', 'text-margin-y': 2, 'color': '#111111',
          'text-outline-color': '#ffffff', 'text-outline-width': 2, 'text-outline-opacity': 0.85,
          'min-zoomed-font-size': isCountry ? 5 : 8
        } },
        { selector: 'edge', style: {
          'width': 'data(width)', 'line-color': '#6e6e6e', 'opacity': 'data(opacity)',
          'curve-style': 'haystack', 'haystack-radius': 0
        } },
        { selector: '.nv-faded', style: { 'opacity': 0.08 } },
        { selector: 'node.nv-focus', style: { 'border-width': 4, 'border-color': '#000000', 'z-index': 10 } },
        { selector: 'edge.nv-near', style: { 'line-color': '#333333', 'z-index': 5 } }
      ]
    });

    var current = -1, pinned = null;

    function elements(i) {
      var f = data.frames[i], els = [];
      f.nodes.forEach(function (r) {
        var n = data.nodes[r[0]], g = r[4] >= 0 ? data.groups[r[4]] : null;
        els.push({ group: 'nodes', data: {
          id: n.id, label: isCountry ? n.id : n.name, name: n.name, country: n.country || '',
          papers: r[1], intl: r[2], output: r[3], groupName: g ? g.name : '',
          color: g ? g.color : NO_GROUP,
          size: 14 + 90 * Math.sqrt(Math.max(r[3], 0) / maxOut)
        }, position: { x: n.x, y: n.y } });
      });
      f.edges.forEach(function (r) {
        var a = data.nodes[r[0]].id, b = data.nodes[r[1]].id, s = Math.sqrt(r[2] / maxW);
        els.push({ group: 'edges', data: {
          id: a + '\u2013' + b, source: a, target: b, weight: r[2], full: r[3],
          width: 1 + 15 * s, opacity: 0.15 + 0.6 * s
        } });
      });
      return els;
    }

    function describe(n) {
      var d = n.data(), f = data.frames[current];
      info.textContent = '';
      info.appendChild(el('div', 'nv-info-name', isCountry ? d.name + ' (' + d.id + ')' : d.name));
      var lines = [
        [f.label, ''],
        ['papers', fmt(d.papers)],
        [isCountry ? 'international' : 'inter-institutional', fmt(d.intl)],
        ['output (fractional)', fmt(d.output)]
      ];
      if (!isCountry && d.country) { lines.splice(1, 0, ['country', d.country]); }
      if (d.groupName) { lines.push([data.groupTitle, d.groupName]); }
      lines.push(['partners', String(n.connectedEdges().length)]);
      var t = el('table', 'nv-info-table');
      lines.forEach(function (l) {
        var tr = el('tr');
        tr.appendChild(el('th', '', l[0]));
        tr.appendChild(el('td', '', l[1]));
        t.appendChild(tr);
      });
      info.appendChild(t);
      var es = n.connectedEdges().sort(function (a, b) { return b.data('weight') - a.data('weight'); });
      if (es.length > 0) {
        info.appendChild(el('div', 'nv-info-sub', 'Strongest partners (' + data.counting + ', papers together)'));
        var ol = el('ol', 'nv-info-list');
        es.slice(0, 8).forEach(function (e) {
          var o = e.source().id() === d.id ? e.target() : e.source();
          ol.appendChild(el('li', '', (isCountry ? o.data('name') : o.data('name')) + ': ' + fmt(e.data('weight')) + ', ' + fmt(e.data('full'))));
        });
        info.appendChild(ol);
      }
    }

    function describeEdge(e) {
      var f = data.frames[current];
      info.textContent = '';
      info.appendChild(el('div', 'nv-info-name', e.source().data('name') + ' – ' + e.target().data('name')));
      var t = el('table', 'nv-info-table');
      [[f.label, ''], [data.counting, fmt(e.data('weight'))], ['papers together', fmt(e.data('full'))]].forEach(function (l) {
        var tr = el('tr');
        tr.appendChild(el('th', '', l[0]));
        tr.appendChild(el('td', '', l[1]));
        t.appendChild(tr);
      });
      info.appendChild(t);
    }

    function focus(n) {
      cy.elements().removeClass('nv-faded nv-focus nv-near');
      if (!n || n.empty()) { return; }
      var hood = n.closedNeighborhood();
      cy.elements().not(hood).addClass('nv-faded');
      n.addClass('nv-focus');
      n.connectedEdges().addClass('nv-near');
      describe(n);
    }

    function show(i) {
      i = Math.max(0, Math.min(data.frames.length - 1, i | 0));
      current = i;
      var f = data.frames[i];
      cy.batch(function () {
        cy.elements().remove();
        cy.add(elements(i));
      });
      frameOut.textContent = f.label;
      if (String(slider.value) !== String(i)) { slider.value = String(i); }
      root.setAttribute('data-frame', f.label);
      root.setAttribute('data-nodes', String(cy.nodes().length));
      root.setAttribute('data-edges', String(cy.edges().length));
      status.textContent = cy.nodes().length + ' nodes, ' + cy.edges().length + ' edges, ' + f.papers + ' papers';
      if (pinned && cy.getElementById(pinned).nonempty()) {
        focus(cy.getElementById(pinned));
      } else {
        info.textContent = pinned ? 'Not in ' + f.label + '.' : '';
      }
    }

    function find(text) {
      var t = text.trim().toLowerCase();
      if (t === '') { return null; }
      var m = /\(([^()]+)\)\s*$/.exec(t);
      var exact = null, prefix = null;
      data.nodes.forEach(function (n) {
        var id = n.id.toLowerCase(), name = n.name.toLowerCase();
        if (id === t || name === t || (m && id === m[1])) { exact = exact || n; }
        if (name.indexOf(t) === 0) { prefix = prefix || n; }
      });
      return exact || prefix;
    }

    slider.addEventListener('input', function () { show(Number(slider.value)); });
    slider.addEventListener('change', function () { show(Number(slider.value)); });
    search.addEventListener('change', function () {
      var n = find(search.value);
      if (!n) {
        pinned = null;
        focus(null);
        info.textContent = 'No node matches “' + search.value + '”.';
        return;
      }
      pinned = n.id;
      var node = cy.getElementById(n.id);
      if (node.empty()) {
        focus(null);
        info.textContent = n.name + ' is not in ' + data.frames[current].label + '.';
        return;
      }
      focus(node);
      cy.animate({ center: { eles: node }, duration: 300 });
    });
    cy.on('mouseover', 'node', function (ev) { if (!pinned) { focus(ev.target); } });
    cy.on('mouseout', 'node', function () { if (!pinned) { focus(null); info.textContent = ''; } });
    cy.on('mouseover', 'edge', function (ev) { if (!pinned) { describeEdge(ev.target); } });
    cy.on('mouseout', 'edge', function () { if (!pinned) { info.textContent = ''; } });
    cy.on('tap', 'node', function (ev) { pinned = ev.target.id(); focus(ev.target); });
    cy.on('tap', function (ev) {
      if (ev.target === cy) { pinned = null; search.value = ''; focus(null); info.textContent = ''; }
    });

    show(data.start);
    cy.fit(undefined, 20);

    var api = { cy: cy, data: data, show: show, current: function () { return current; } };
    root.netview = api;
    window.netviews = window.netviews || {};
    window.netviews[root.id] = api;
    return api;
  }

  window.netviewDraw = netview;
})();
