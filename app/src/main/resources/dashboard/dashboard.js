/*
 * Policy Radar dashboard: plain JavaScript and SVG, no library, no network access beyond this server.
 * Data: GET /api/conflicts (the state, all instances merged), GET /api/items/{id} (an article with its evidence),
 * and the server-sent events of GET /api/stream (one "conflict" event per new conflict).
 * News text is untrusted: everything is put in the page through textContent, never innerHTML.
 */
(function () {
  'use strict';

  var TOPIC_COLORS = {
    COOPERATION: '#2563eb',
    SENSITIVE_LOCATIONS: '#d97706',
    MILITARY_DEPLOYMENT: '#dc2626',
    BIRTHRIGHT_CITIZENSHIP: '#7c3aed',
    BORDER: '#059669',
    OTHER: '#6b7280'
  };
  var EVIDENCE_LABELS = {
    ACTOR: 'actor', LEVEL: 'level', JURISDICTION: 'place', TOPIC: 'topic', STANCE: 'stance',
    INSTRUMENT: 'instrument', OTHER: 'other'
  };
  var SVG_NS = 'http://www.w3.org/2000/svg';
  var REFRESH_MS = 30000;

  var state = {
    conflicts: new Map(), // conflictId -> conflict JSON
    fresh: new Set(),     // ids that arrived live, for the NEW badge
    selected: null,
    // ?domain=EDUCATION opens the dashboard on one policy domain
    filters: { domain: (new URLSearchParams(window.location.search).get('domain') || '').toUpperCase(),
      topic: '', place: '', actor: '' }
  };

  // ---------- small DOM helpers ----------

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  function svg(tag, attrs, children) {
    var node = document.createElementNS(SVG_NS, tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  function setAttrs(node, attrs) {
    Object.keys(attrs || {}).forEach(function (key) {
      var value = attrs[key];
      if (value === null || value === undefined || value === false) { return; }
      if (key === 'text') { node.textContent = value; }
      else if (key === 'style') { Object.keys(value).forEach(function (p) { node.style.setProperty(p, value[p]); }); }
      else if (key.indexOf('on') === 0) { node.addEventListener(key.substring(2), value); }
      else { node.setAttribute(key, value); }
    });
  }

  function append(node, children) {
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) { return; }
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
  }

  function $(id) { return document.getElementById(id); }

  function topicColor(topic) { return TOPIC_COLORS[topic] || TOPIC_COLORS.OTHER; }

  function pretty(symbol) {
    return String(symbol || '').toLowerCase().replace(/_/g, ' ');
  }

  function when(iso) {
    if (!iso) { return ''; }
    var date = new Date(iso);
    if (isNaN(date.getTime())) { return iso; }
    return date.toISOString().replace('T', ' ').substring(0, 16) + ' UTC';
  }

  function shortName(name) {
    return name.length > 28 ? name.substring(0, 27) + '…' : name;
  }

  // ---------- data ----------

  function getJson(url) {
    return getResponse(url).then(function (answer) { return answer.body; });
  }

  /** The body and the cursor of the next page (X-Next-Cursor), or null on the last page. */
  function getResponse(url) {
    return fetch(url, { headers: { Accept: 'application/json' } }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (!response.ok) {
          var error = new Error(body.error || ('HTTP ' + response.status));
          error.status = response.status;
          throw error;
        }
        return { body: body, next: response.headers.get('X-Next-Cursor') };
      });
    });
  }

  // the API answers a page at a time; the dashboard shows at most this many pages of the largest size
  var PAGE_SIZE = 1000;
  var MAX_PAGES = 20;

  function getAllPages(path, cursor, pages, collected) {
    var url = path + '?limit=' + PAGE_SIZE + (cursor ? '&cursor=' + encodeURIComponent(cursor) : '');
    return getResponse(url).then(function (answer) {
      var all = collected.concat(answer.body);
      return answer.next && pages + 1 < MAX_PAGES ? getAllPages(path, answer.next, pages + 1, all) : all;
    });
  }

  function merge(conflict, live) {
    var known = state.conflicts.get(conflict.conflictId);
    // a live event carries no lastSeen: keep what the state said, else stamp it with the article times
    if (!conflict.lastSeen) {
      conflict.lastSeen = known && known.lastSeen
        || [conflict.pressing.publishedAt, conflict.resisting.publishedAt].sort().pop();
    }
    state.conflicts.set(conflict.conflictId, Object.assign({}, known || {}, conflict));
    if (live && !known) { state.fresh.add(conflict.conflictId); }
  }

  var loading = null;
  function loadConflicts() {
    if (loading) { return loading; }
    loading = getAllPages('/api/conflicts', null, 0, []).then(function (list) {
      list.forEach(function (conflict) { merge(conflict, false); });
      render();
    }).catch(function (error) {
      $('list-count').textContent = 'Conflicts not available yet (' + error.message + '); retrying…';
      setTimeout(loadConflicts, 2000);
    }).then(function () { loading = null; });
    return loading;
  }

  function follow() {
    if (!window.EventSource) { return; }
    var source = new EventSource('/api/stream');
    source.addEventListener('ready', function () {
      setLive('live', 'live');
      // registered: anything found from now on arrives as an event; catch up on what came before
      loadConflicts();
    });
    source.addEventListener('conflict', function (event) {
      try {
        merge(JSON.parse(event.data), true);
        render();
      } catch (e) {
        console.error('Unreadable live event', e);
      }
    });
    source.onerror = function () { setLive('offline', 'reconnecting'); };
  }

  function setLive(status, text) {
    $('live').setAttribute('data-state', status);
    $('live-text').textContent = text;
  }

  // ---------- filters ----------

  function places(conflict) {
    return [conflict.pressing.jurisdiction, conflict.resisting.jurisdiction];
  }

  function visible() {
    var f = state.filters;
    return Array.from(state.conflicts.values()).filter(function (c) {
      return (!f.domain || c.domain === f.domain)
        && (!f.topic || c.topic === f.topic)
        && (!f.place || places(c).indexOf(f.place) >= 0)
        && (!f.actor || c.pressing.actor === f.actor || c.resisting.actor === f.actor);
    }).sort(function (a, b) {
      return String(b.lastSeen).localeCompare(String(a.lastSeen)) || b.score - a.score
        || a.conflictId.localeCompare(b.conflictId);
    });
  }

  function fillSelect(select, values, current, label) {
    var options = [el('option', { value: '', text: label })];
    values.forEach(function (value) {
      options.push(el('option', { value: value.value, text: value.text, selected: value.value === current }));
    });
    select.replaceChildren.apply(select, options);
    select.value = current;
  }

  function renderFilters() {
    var all = Array.from(state.conflicts.values());
    var domains = Array.from(new Set(all.map(function (c) { return c.domain; }).filter(Boolean))).sort();
    if (state.filters.domain && domains.indexOf(state.filters.domain) < 0) { domains.push(state.filters.domain); }
    fillSelect($('filter-domain'), domains.map(function (d) { return { value: d, text: pretty(d) }; }),
      state.filters.domain, 'All domains');
    var topics = Array.from(new Set(all.map(function (c) { return c.topic; }))).sort();
    fillSelect($('filter-topic'), topics.map(function (t) { return { value: t, text: pretty(t) }; }),
      state.filters.topic, 'All topics');
    var placeNames = new Set();
    all.forEach(function (c) { places(c).forEach(function (p) { placeNames.add(p); }); });
    fillSelect($('filter-place'), Array.from(placeNames).sort().map(function (p) { return { value: p, text: p }; }),
      state.filters.place, 'All places');
    var chip = $('filter-actor');
    if (state.filters.actor) {
      chip.hidden = false;
      chip.replaceChildren(document.createTextNode('Actor: ' + actorName(state.filters.actor)),
        el('button', { title: 'Clear', text: '×', onclick: function () { setActor(''); } }));
    } else {
      chip.hidden = true;
    }
  }

  function actorName(id) {
    var found = null;
    state.conflicts.forEach(function (c) {
      if (c.pressing.actor === id) { found = c.pressing.actorName; }
      if (c.resisting.actor === id) { found = c.resisting.actorName; }
    });
    return found || id;
  }

  function setActor(actor) {
    state.filters.actor = state.filters.actor === actor ? '' : actor;
    render();
  }

  // ---------- conflict list ----------

  function renderList(list) {
    var items = list.map(function (c) {
      var classes = 'conflict' + (c.conflictId === state.selected ? ' selected' : '')
        + (state.fresh.has(c.conflictId) ? ' new' : '');
      return el('li', {
        class: classes, 'data-conflict-id': c.conflictId, tabindex: '0',
        style: { '--topic': topicColor(c.topic) },
        onclick: function () { select(c.conflictId); },
        onkeydown: function (e) { if (e.key === 'Enter') { select(c.conflictId); } }
      }, [
        el('div', { class: 'row' }, [
          el('span', {}, [
            el('span', { class: 'topic-tag', text: pretty(c.topic) }),
            state.fresh.has(c.conflictId) ? el('span', { class: 'badge-new', text: 'NEW' }) : null
          ]),
          el('span', { class: 'score', title: 'score ' + c.score.toFixed(2) }, [
            el('span', { class: 'bar' }, [el('i', { style: { width: Math.round(c.score * 100) + '%' } })]),
            c.score.toFixed(2)
          ])
        ]),
        el('div', { class: 'parties' }, [
          el('span', { class: 'press', text: c.pressing.actorName }),
          el('span', { class: 'vs', text: 'vs' }),
          el('span', { class: 'resist', text: c.resisting.actorName })
        ]),
        el('div', { class: 'meta', text: c.resisting.jurisdiction + ' · ' + when(c.lastSeen)
            + (c.evidenceCount > 1 ? ' · ' + c.evidenceCount + ' articles' : '') }),
        el('div', { class: 'explain', text: c.explanation })
      ]);
    });
    if (items.length === 0) {
      items.push(el('li', { class: 'empty', text: state.conflicts.size === 0
          ? 'No conflicts yet: waiting for news…' : 'No conflict matches these filters.' }));
    }
    $('conflicts').replaceChildren.apply($('conflicts'), items);
    $('list-count').textContent = list.length === state.conflicts.size
      ? list.length + ' conflicts, latest first'
      : list.length + ' of ' + state.conflicts.size + ' conflicts match the filters';
  }

  // ---------- actor graph ----------

  function renderGraph(list) {
    var graph = $('graph');
    var width = graph.clientWidth || 800;
    var height = graph.clientHeight || 320;
    graph.setAttribute('viewBox', '0 0 ' + width + ' ' + height);

    var left = new Map();
    var right = new Map();
    var edges = new Map();
    list.forEach(function (c) {
      addNode(left, c.pressing);
      addNode(right, c.resisting);
      var key = c.pressing.actor + '|' + c.resisting.actor;
      var edge = edges.get(key) || { from: c.pressing.actor, to: c.resisting.actor, conflicts: [] };
      edge.conflicts.push(c);
      edges.set(key, edge);
    });

    var margin = 26;
    // room for the labels: they sit outside the two columns of nodes
    var xLeft = Math.max(215, width * 0.27);
    var xRight = Math.min(width - 215, width * 0.73);
    place(left, xLeft, height, margin);
    place(right, xRight, height, margin);

    var children = [];
    edges.forEach(function (edge) {
      var a = left.get(edge.from);
      var b = right.get(edge.to);
      var c = edge.conflicts[0];
      var dx = (b.x - a.x) / 2;
      var active = edge.conflicts.some(function (x) { return x.conflictId === state.selected; });
      children.push(svg('path', {
        class: 'edge' + (active ? ' active' : ''),
        d: 'M' + a.x + ',' + a.y + ' C' + (a.x + dx) + ',' + a.y + ' ' + (b.x - dx) + ',' + b.y + ' ' + b.x + ',' + b.y,
        stroke: topicColor(c.topic),
        'stroke-width': Math.min(2 + 2 * edge.conflicts.length, 10),
        onclick: function () { select(c.conflictId); }
      }, [svg('title', { text: a.name + ' vs ' + b.name + ': ' + edge.conflicts.length + ' conflict(s), '
          + edge.conflicts.map(function (x) { return pretty(x.topic); }).join(', ') })]));
    });
    left.forEach(function (node) { children.push(nodeView(node, 'end', -1)); });
    right.forEach(function (node) { children.push(nodeView(node, 'start', 1)); });
    if (list.length === 0) {
      children.push(svg('text', { x: width / 2, y: height / 2, 'text-anchor': 'middle', fill: '#6b7785',
        text: 'The graph fills in as conflicts are found.' }));
    }
    graph.replaceChildren.apply(graph, children);
  }

  function addNode(nodes, side) {
    var node = nodes.get(side.actor) || { id: side.actor, name: side.actorName, level: side.level, count: 0 };
    node.count++;
    nodes.set(side.actor, node);
  }

  function place(nodes, x, height, margin) {
    var ordered = Array.from(nodes.values()).sort(function (a, b) {
      return b.count - a.count || a.name.localeCompare(b.name);
    });
    var step = (height - 2 * margin) / Math.max(ordered.length, 1);
    ordered.forEach(function (node, i) {
      node.x = x;
      node.y = margin + step * (i + 0.5);
    });
  }

  function nodeView(node, anchor, side) {
    var color = node.level === 'FEDERAL' ? 'var(--press)' : 'var(--resist)';
    var radius = Math.min(6 + node.count * 1.5, 14);
    var dx = side * (radius + 6);
    var dim = state.filters.actor && state.filters.actor !== node.id;
    return svg('g', {
      class: 'node' + (dim ? ' dim' : '') + (state.filters.actor === node.id ? ' active' : ''),
      transform: 'translate(' + node.x + ',' + node.y + ')',
      onclick: function () { setActor(node.id); }
    }, [
      svg('title', { text: node.name + ' (' + pretty(node.level) + '): ' + node.count
          + ' conflict(s). Click to filter.' }),
      svg('circle', { r: radius, fill: color }),
      svg('text', { x: dx, y: -1, 'text-anchor': anchor, 'dominant-baseline': 'middle', text: shortName(node.name) }),
      svg('text', { class: 'count', x: dx, y: 13, 'text-anchor': anchor,
        text: pretty(node.level) + ' · ' + node.count })
    ]);
  }

  function renderLegend(list) {
    var topics = Array.from(new Set(list.map(function (c) { return c.topic; }))).sort();
    $('legend').replaceChildren.apply($('legend'), topics.map(function (t) {
      return el('span', {}, [el('i', { style: { background: topicColor(t) } }), pretty(t)]);
    }));
  }

  // ---------- conflict detail with evidence ----------

  function select(conflictId) {
    state.selected = conflictId;
    state.fresh.delete(conflictId);
    render();
    var conflict = state.conflicts.get(conflictId);
    var detail = $('detail');
    var pressing = sideView(conflict.pressing, 'pressing', 'Federal side (presses)');
    var resisting = sideView(conflict.resisting, 'resisting', 'State / local side (resists)');
    detail.replaceChildren(
      el('div', { class: 'detail-head' }, [
        el('div', {}, [
          el('h2', { text: conflict.pressing.actorName + ' vs ' + conflict.resisting.actorName }),
          el('p', { text: conflict.explanation })
        ]),
        el('div', { class: 'meta' }, [
          el('div', { text: pretty(conflict.topic) + ' · score ' + conflict.score.toFixed(2) }),
          el('div', { text: conflict.conflictId })
        ])
      ]),
      el('div', { class: 'sides' }, [pressing.view, resisting.view]),
      evidenceLegend()
    );
    fillText(conflict.pressing, pressing.body);
    fillText(conflict.resisting, resisting.body);
  }

  function sideView(side, kind, label) {
    var body = el('div', {}, [el('p', { class: 'text meta', text: 'Loading the article…' })]);
    var view = el('article', { class: 'side ' + kind, 'data-item-id': side.itemId }, [
      el('h3', { text: label + ': ' + side.actorName }),
      el('div', { class: 'facts' }, [
        el('span', { class: 'fact', text: pretty(side.level) }),
        el('span', { class: 'fact', text: side.jurisdiction }),
        el('span', { class: 'fact', text: pretty(side.stance) }),
        el('span', { class: 'fact', text: pretty(side.instrument) }),
        el('span', { class: 'fact', text: when(side.publishedAt) })
      ]),
      body
    ]);
    return { view: view, body: body };
  }

  function fillText(side, body) {
    getJson('/api/items/' + encodeURIComponent(side.itemId)).then(function (item) {
      var children = [];
      if (item.headline && item.text.indexOf(item.headline) !== 0) {
        children.push(el('p', { class: 'headline', text: item.headline }));
      }
      children.push(highlighted(item.text, side.evidence));
      children.push(el('div', { class: 'source' }, [
        'Source: ' + item.source,
        safeLink(item.url) ? ' · ' : null,
        safeLink(item.url) ? el('a', { href: item.url, target: '_blank', rel: 'noopener noreferrer', text: 'article' })
          : null
      ]));
      body.replaceChildren.apply(body, children);
    }).catch(function (error) {
      // the item may be older than the state keeps: show what the conflict itself carries
      body.replaceChildren(
        el('p', { class: 'headline', text: side.headline }),
        el('p', { class: 'meta error', text: 'Full article unavailable: ' + error.message }),
        el('p', { class: 'meta', text: 'Evidence: ' + side.evidence.map(function (e) {
          return '“' + e.phrase + '” (' + (EVIDENCE_LABELS[e.field] || e.field) + ')';
        }).join(', ') })
      );
    });
  }

  /** Only web links: a news item's url is untrusted and could be a javascript: one. */
  function safeLink(url) {
    return typeof url === 'string' && /^https?:\/\//i.test(url);
  }

  /** The text with every evidence span marked; overlapping spans are split at every boundary. */
  function highlighted(text, evidence) {
    var spans = (evidence || []).filter(function (e) {
      return e.start >= 0 && e.end <= text.length && e.start < e.end;
    });
    var cuts = new Set([0, text.length]);
    spans.forEach(function (e) { cuts.add(e.start); cuts.add(e.end); });
    var points = Array.from(cuts).sort(function (a, b) { return a - b; });
    var paragraph = el('p', { class: 'text' });
    for (var i = 0; i + 1 < points.length; i++) {
      var from = points[i];
      var to = points[i + 1];
      var covering = spans.filter(function (e) { return e.start <= from && e.end >= to; });
      var piece = text.substring(from, to);
      if (covering.length === 0) {
        paragraph.appendChild(document.createTextNode(piece));
      } else {
        paragraph.appendChild(el('mark', {
          class: 'ev ev-' + covering[0].field,
          title: covering.map(function (e) {
            return (EVIDENCE_LABELS[e.field] || e.field) + (e.rule ? ' (' + e.rule + ')' : '');
          }).join(', '),
          text: piece
        }));
      }
    }
    return paragraph;
  }

  function evidenceLegend() {
    return el('div', { class: 'ev-legend' }, ['Evidence: '].concat(
      ['ACTOR', 'JURISDICTION', 'TOPIC', 'STANCE', 'INSTRUMENT'].map(function (field) {
        return el('mark', { class: 'ev ev-' + field, text: EVIDENCE_LABELS[field] });
      })));
  }

  // ---------- wiring ----------

  function render() {
    var list = visible();
    renderFilters();
    renderList(list);
    renderGraph(list);
    renderLegend(list);
    $('stat-conflicts').textContent = String(state.conflicts.size);
    var actors = new Set();
    state.conflicts.forEach(function (c) { actors.add(c.pressing.actor); actors.add(c.resisting.actor); });
    $('stat-actors').textContent = String(actors.size);
  }

  $('filter-domain').addEventListener('change', function (e) { state.filters.domain = e.target.value; render(); });
  $('filter-topic').addEventListener('change', function (e) { state.filters.topic = e.target.value; render(); });
  $('filter-place').addEventListener('change', function (e) { state.filters.place = e.target.value; render(); });
  window.addEventListener('resize', function () { renderGraph(visible()); });

  render();
  loadConflicts();
  follow();
  // live events carry new conflicts; a slow refresh picks up later articles of known ones
  setInterval(loadConflicts, REFRESH_MS);
}());
