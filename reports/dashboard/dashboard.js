/*
 * Headroom dashboard: reads Headroom JSON reports (schemaVersion 1) and draws their trend.
 *
 * Reports come from the file picker or drag-and-drop (read with FileReader, so it works from file://),
 * from ?reports=a.json,b.json (fetched, resolved against this page), or from the page itself, where
 * `headroom dashboard` writes them. Plain script: no build step, no
 * library, no network beyond the reports named in the address.
 *
 * Every string taken from a report reaches the page as text (textContent, createTextNode) or as an
 * attribute value (setAttribute of title and data-*), never as markup: a class named <script> is shown,
 * not run.
 *
 * Reports made with another cost model or layout are drawn apart and never compared (comparability.js).
 *
 * The body's data-state (empty, loading, ready) and data-renders (a counter) say when a load is done.
 */
(function () {
  'use strict';

  var comparability = window.HeadroomComparability;

  var SCHEMA_VERSION = 1;
  var SVG_NS = 'http://www.w3.org/2000/svg';

  /** The rule ids of the schema, in its order; each with its own colour in the findings chart. */
  var RULE_COLOURS = {
    'growable-collection': '#1a73e8',
    'heap-allocation': '#d93025',
    'blocking-call': '#f29900',
    'unbounded-loop': '#9334e6',
    'recursion': '#795548',
    'unresolved-call': '#80868b',
    'deadline-exceeded': '#12b5cb',
    'ram-budget-exceeded': '#e52592',
    'unbounded-static': '#b06000',
    'stack-budget-exceeded': '#174ea6',
    'ignored-capacity-result': '#fbbc04',
    'unused-suppression': '#bdc1c6'
  };
  var RULE_ORDER = Object.keys(RULE_COLOURS);
  var OTHER_RULE_COLOUR = '#3c4043';

  var byName = new Intl.Collator('en', {numeric: true, sensitivity: 'base'});
  var loads = 0;

  // ---------------------------------------------------------------- loading

  /** A report to read: a display name and a function returning a promise of its text. */
  function source(name, read) {
    return {name: name, read: read};
  }

  /** Thrown when a ?reports= entry cannot be fetched at all (as opposed to an HTTP error status). */
  function FetchFailure(message) {
    this.message = message;
  }

  function fetchText(name) {
    var url;
    try {
      url = new URL(name, window.location.href);
    } catch (e) {
      return Promise.reject(new Error('not a valid address'));
    }
    return fetch(url.href, {cache: 'no-store'}).then(function (response) {
      if (!response.ok) {
        throw new Error('could not load it (HTTP ' + response.status
            + (response.statusText ? ' ' + response.statusText : '') + ')');
      }
      return response.text();
    }, function (error) {
      throw new FetchFailure('could not load it (' + (error && error.message ? error.message : String(error)) + ')');
    });
  }

  function readFile(file) {
    return new Promise(function (resolve, reject) {
      var reader = new FileReader();
      reader.onload = function () { resolve(reader.result); };
      reader.onerror = function () {
        reject(new Error('could not read the file (' + (reader.error ? reader.error.name : 'unknown error') + ')'));
      };
      reader.readAsText(file);
    });
  }

  /** Returns whether the address names reports (and then loads them). */
  function loadFromAddress() {
    var names = [];
    new URLSearchParams(window.location.search).getAll('reports').forEach(function (list) {
      list.split(',').forEach(function (name) {
        name = name.trim();
        if (name) {
          names.push(name);
        }
      });
    });
    if (names.length) {
      load(names.map(function (name) {
        return source(name, function () { return fetchText(name); });
      }));
    }
    return names.length > 0;
  }

  /**
   * Reports written into the page by `headroom dashboard`: a JSON array of {name, text} in a data block,
   * shown in that order. They need no file access, so the page shows them from file:// as it opens.
   */
  function loadEmbedded() {
    var block = document.getElementById('embedded-reports');
    if (!block) {
      return;
    }
    var entries;
    try {
      entries = JSON.parse(block.textContent);
    } catch (e) {
      message(document.getElementById('messages'), 'error', 'dashboard', 'the reports written into this page'
          + ' cannot be read (' + e.message + ')');
      return;
    }
    load(entries.map(function (entry) {
      return source(String(entry.name), function () { return Promise.resolve(String(entry.text)); });
    }));
  }

  /** Chosen or dropped files, in file-name order: the reports carry no date to order them by. */
  function loadFiles(fileList) {
    var files = Array.prototype.slice.call(fileList);
    files.sort(function (a, b) {
      return byName.compare(a.name, b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    });
    if (files.length) {
      load(files.map(function (file) {
        return source(file.name, function () { return readFile(file); });
      }));
    }
  }

  /** Reads every source, keeps their order, and draws the ones that are reports; the others are named. */
  function load(sources) {
    var generation = ++loads;
    document.body.setAttribute('data-state', 'loading');
    Promise.all(sources.map(function (src) {
      return src.read().then(function (text) {
        return parse(src.name, text);
      }, function (error) {
        return {name: src.name, error: error};
      });
    })).then(function (outcomes) {
      if (generation === loads) { // a later load replaced this one
        show(outcomes);
      }
    }).catch(function (error) {
      // A bug of this page, not of the reports: say so, and leave the error in the console too.
      var messages = document.getElementById('messages');
      clear(messages);
      message(messages, 'error', 'dashboard', 'could not draw the reports (' + error + ')');
      document.body.setAttribute('data-state', 'ready');
      throw error;
    });
  }

  function parse(name, text) {
    var value;
    try {
      value = JSON.parse(text);
    } catch (e) {
      return {name: name, problem: 'not a Headroom report: not JSON (' + e.message + ')'};
    }
    var problem = reportProblem(value);
    return problem ? {name: name, problem: problem} : {name: name, report: value};
  }

  /** Why a parsed JSON value is not a report this page can show, or null when it is one. */
  function reportProblem(value) {
    if (!isObject(value)) {
      return 'not a Headroom report: the JSON is not an object';
    }
    if (!('schemaVersion' in value) || !isObject(value.tool) || value.tool.name !== 'headroom') {
      return 'not a Headroom report: it has no "schemaVersion" and "tool": {"name": "headroom"}';
    }
    if (value.schemaVersion !== SCHEMA_VERSION) {
      return 'schemaVersion ' + JSON.stringify(value.schemaVersion) + ' is not supported: this dashboard reads '
          + 'schemaVersion ' + SCHEMA_VERSION;
    }
    if (value.verdict !== 'pass' && value.verdict !== 'fail') {
      return 'not a Headroom report: "verdict" is neither "pass" nor "fail"';
    }
    if (!isObject(value.summary) || !Array.isArray(value.findings) || !Array.isArray(value.roots)) {
      return 'not a Headroom report: "summary", "findings" or "roots" is missing or of the wrong type';
    }
    if (!value.roots.every(isMethod)) {
      return 'not a Headroom report: a root has no "class", "method" or "descriptor"';
    }
    if (!value.findings.every(function (f) { return isObject(f) && typeof f.rule === 'string' && isMethod(f.location); })) {
      return 'not a Headroom report: a finding has no "rule" or "location"';
    }
    if ('memory' in value && !(isObject(value.memory) && typeof value.memory.totalBytes === 'number')) {
      return 'not a Headroom report: "memory" has no "totalBytes"';
    }
    if ('timing' in value && !(isObject(value.timing) && Array.isArray(value.timing.roots)
        && value.timing.roots.every(function (t) {
          return isObject(t) && isMethod(t.root) && (t.bounded === false || (t.bounded === true && typeof t.wcet === 'number'));
        }))) {
      return 'not a Headroom report: "timing" has no "roots", or a root there has no "bounded" or "wcet"';
    }
    return null;
  }

  function isObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  }

  function isMethod(value) {
    return isObject(value) && typeof value['class'] === 'string' && typeof value.method === 'string'
        && typeof value.descriptor === 'string';
  }

  // ---------------------------------------------------------------- page

  function show(outcomes) {
    var messages = document.getElementById('messages');
    clear(messages);
    var runs = [];
    var unreachable = [];
    outcomes.forEach(function (outcome) {
      if (outcome.report) {
        runs.push({number: runs.length + 1, name: outcome.name, label: shortName(outcome.name), report: outcome.report});
      } else if (outcome.error instanceof FetchFailure && window.location.protocol === 'file:') {
        unreachable.push(outcome.name);
      } else if (outcome.error) {
        message(messages, 'error', outcome.name, outcome.error.message);
      } else {
        message(messages, 'error', outcome.name, outcome.problem);
      }
    });
    if (unreachable.length) {
      // Chromium does not let a file:// page fetch other file:// addresses; say so instead of failing silently.
      message(messages, 'error', unreachable.join(', '), 'cannot be read from a page opened as file://: '
          + 'choose the reports with the button above, or serve the page and the reports over http (for example '
          + 'python3 -m http.server in a folder that holds both) and open the page from there.');
    }

    var main = document.getElementById('dashboard');
    document.getElementById('empty-hint').hidden = runs.length > 0;
    main.hidden = runs.length === 0;
    if (runs.length) {
      overview(runs);
      memoryTrend(runs);
      timingTrend(runs);
      findingsTrend(runs);
      changes(runs);
    }
    document.body.setAttribute('data-reports', String(runs.length));
    document.body.setAttribute('data-state', 'ready');
    document.body.setAttribute('data-renders', String(Number(document.body.getAttribute('data-renders')) + 1));
  }

  function message(list, kind, name, text) {
    var item = el('li', {'class': kind, 'data-file': name});
    item.appendChild(el('strong', null, name));
    item.appendChild(document.createTextNode(': ' + text));
    list.appendChild(item);
  }

  /** The file name without folders and without .json: what the charts label a report with. */
  function shortName(name) {
    var base = name.split('?')[0].split('#')[0];
    base = base.substring(base.lastIndexOf('/') + 1) || name;
    try {
      base = decodeURIComponent(base);
    } catch (e) {
      // keep it as written
    }
    return base.replace(/\.json$/i, '');
  }

  // ---------------------------------------------------------------- overview

  function overview(runs) {
    var body = document.querySelector('#report-table tbody');
    clear(body);
    runs.forEach(function (run) {
      var r = run.report;
      var s = r.summary;
      var m = r.memory;
      body.appendChild(row([
        cell('td', 'num', '#' + run.number),
        cell('td', 'name', el('code', null, run.name)),
        cell('td', null, verdictBadge(r.verdict)),
        cell('td', 'num', count(s.errors)),
        cell('td', 'num', count(s.warnings)),
        cell('td', 'num', count(s.suppressed)),
        cell('td', 'num', count(s.roots)),
        modelCell(runs, run, 'costModel'),
        modelCell(runs, run, 'layout'),
        cell('td', 'num', m ? (m.bounded === false ? '\u2265 ' : '') + bytes(m.totalBytes) : '-'),
        cell('td', 'num', m && typeof m.budgetBytes === 'number' ? bytes(m.budgetBytes) : '-'),
        cell('td', 'reason muted', r.failReason || '')
      ], {'class': 'report-row', 'data-verdict': r.verdict}));
    });
  }

  /** A report's cost model or layout; marked where it differs from the report before. */
  function modelCell(runs, run, key) {
    var value = comparability.model(run.report, key);
    var before = run.number > 1 ? runs[run.number - 2].report : null;
    var changed = before ? comparability.differences(before, run.report, [key]) : [];
    return cell('td', 'model' + (changed.length ? ' changed' : ''), value === null ? '-' : value, changed.length
        ? {title: 'not comparable with #' + (run.number - 1) + ': ' + comparability.describe(changed),
          'data-model-change': key} : null);
  }

  /**
   * Where consecutive reports differ in one of these models (all when none is given): from that report on,
   * the numbers are of another kind. A list of {index, text}.
   */
  function modelBreaks(runs, keys) {
    var breaks = [];
    for (var i = 1; i < runs.length; i++) {
      var found = comparability.differences(runs[i - 1].report, runs[i].report, keys);
      if (found.length) {
        breaks.push({index: i, text: 'not comparable with #' + i + ': ' + comparability.describe(found)});
      }
    }
    return breaks;
  }

  function breakAt(breaks, i) {
    return breaks.some(function (b) { return b.index === i; });
  }

  /** A dashed line between two reports' slots that are not comparable, with the reason as its title. */
  function drawBreaks(svg, plot, breaks) {
    breaks.forEach(function (b) {
      var x = plot.slotStart(b.index);
      var line = svgEl(svg, 'line', {'class': 'model-break', x1: x, x2: x, y1: plot.top - 2, y2: plot.bottom,
        'data-report': b.index, 'data-reason': b.text});
      svgEl(line, 'title', null, b.text);
      var mark = svgText(svg, x, plot.top - 5, '\u2260', 'model-break-mark', 'middle');
      svgEl(mark, 'title', null, b.text);
    });
  }

  // ---------------------------------------------------------------- memory

  function memoryTrend(runs) {
    var box = document.querySelector('#memory-trend .chart-box');
    clear(box);
    var values = [];
    runs.forEach(function (run) {
      var m = run.report.memory;
      if (m) {
        values.push(m.totalBytes);
        if (typeof m.budgetBytes === 'number') {
          values.push(m.budgetBytes);
        }
      }
    });
    var plot = frame(560, 250, {left: 52, right: 8, top: 24, bottom: 34}, runs.length, Math.max.apply(null, [0].concat(values)));
    var svg = chartSvg(plot, 'preallocated memory against the RAM budget, per report', 'memory', bytes);
    xLabels(svg, plot, runs, function (run) { return '#' + run.number + ' ' + run.label; });

    drawBreaks(svg, plot, modelBreaks(runs, ['layout']));
    var budgetPrevious = null;
    runs.forEach(function (run, i) {
      var m = run.report.memory;
      var x = plot.slot(i);
      if (!m) {
        svgText(svg, x, plot.y(0) - 6, 'no memory data', 'no-data', 'middle');
        budgetPrevious = null;
        return;
      }
      var budget = typeof m.budgetBytes === 'number' ? m.budgetBytes : null;
      var over = budget !== null && m.totalBytes > budget;
      var width = Math.min(64, plot.slotWidth * 0.5);
      var top = plot.y(m.totalBytes);
      var bar = svgEl(svg, 'rect', {
        'class': 'bar ' + (over ? 'over' : 'used'), x: x - width / 2, y: top, width: width,
        height: Math.max(0, plot.y(0) - top), 'data-report': i, 'data-total': m.totalBytes
      });
      svgEl(bar, 'title', null, run.name + ': ' + bytes(m.totalBytes) + ' bytes'
          + (budget === null ? ', no budget' : ' of ' + bytes(budget)) + (m.bounded === false ? ' (a lower bound)' : ''));
      var inside = plot.y(0) - top >= 24;
      svgText(svg, x, inside ? top + 17 : top - 5, (m.bounded === false ? '\u2265 ' : '') + bytes(m.totalBytes),
          inside ? 'value inside' : 'value', 'middle');
      if (budget !== null) {
        var y = plot.y(budget);
        svgEl(svg, 'line', {
          'class': 'budget-line', x1: plot.slotStart(i), x2: plot.slotStart(i) + plot.slotWidth, y1: y, y2: y,
          'stroke-dashoffset': dashOffset(plot, i), 'data-report': i, 'data-budget': budget
        });
        if (budgetPrevious !== null && budgetPrevious !== budget) {
          svgEl(svg, 'line', {'class': 'budget-line step', x1: plot.slotStart(i), x2: plot.slotStart(i),
            y1: plot.y(budgetPrevious), y2: y});
        }
      }
      budgetPrevious = budget;
    });
    var last = runs[runs.length - 1].report.memory;
    if (last && typeof last.budgetBytes === 'number') {
      svgText(svg, plot.right, plot.y(last.budgetBytes) - 5, 'budget ' + bytes(last.budgetBytes), 'budget-label', 'end');
    }
    box.appendChild(svg);
  }

  // ---------------------------------------------------------------- timing

  function timingTrend(runs) {
    var roots = rootsOf(runs);
    var grid = document.querySelector('#timing-trend .root-grid');
    clear(grid);
    var head = document.querySelector('#timing-table thead');
    var body = document.querySelector('#timing-table tbody');
    clear(head);
    clear(body);
    if (!roots.length) {
      grid.appendChild(el('p', {'class': 'muted'}, 'No timing data in these reports.'));
      return;
    }
    var breaks = modelBreaks(runs, ['costModel']);
    head.appendChild(row([cell('th', null, 'root')].concat(runs.map(function (run, i) {
      var broken = breaks.filter(function (b) { return b.index === i; });
      return cell('th', 'num' + (broken.length ? ' model-break' : ''), '#' + run.number,
          {title: run.name + (broken.length ? ' (' + broken[0].text + ')' : '')});
    }))));

    roots.forEach(function (root) {
      var series = runs.map(function (run) { return timingOf(run.report, root.id); });
      grid.appendChild(rootCard(root, runs, series, breaks));
      body.appendChild(row([cell('td', 'name', el('code', null, JavaNames.breakable(JavaNames.signature(root.method))))].concat(series.map(function (t, i) {
        var td = timingCell(t);
        if (breakAt(breaks, i)) {
          td.classList.add('model-break');
        }
        return td;
      })), {'class': 'timing-row', 'data-root': root.id}));
    });
  }

  /** A root's bound / deadline in one report, as the timing table shows it. */
  function timingCell(t) {
    if (!t) {
      return cell('td', 'num muted', '-', {title: 'no timing of this root in this report'});
    }
    if (!t.bounded) {
      return cell('td', 'num unbounded', 'unbounded' + (typeof t.deadline === 'number' ? ' / ' + count(t.deadline) : ''));
    }
    var late = typeof t.deadline === 'number' && t.wcet > t.deadline;
    return cell('td', 'num' + (late ? ' late' : ''),
        count(t.wcet) + (typeof t.deadline === 'number' ? ' / ' + count(t.deadline) : ''));
  }

  /** Every root that has timing in any report, sorted by its name. */
  function rootsOf(runs) {
    var seen = {};
    var roots = [];
    runs.forEach(function (run) {
      var timing = run.report.timing;
      (timing ? timing.roots : []).forEach(function (t) {
        var id = methodId(t.root);
        if (!Object.prototype.hasOwnProperty.call(seen, id)) {
          seen[id] = true;
          roots.push({id: id, method: t.root});
        }
      });
    });
    roots.sort(function (a, b) { return a.id < b.id ? -1 : a.id > b.id ? 1 : 0; });
    return roots;
  }

  function timingOf(report, id) {
    var roots = report.timing ? report.timing.roots : [];
    for (var i = 0; i < roots.length; i++) {
      if (methodId(roots[i].root) === id) {
        return roots[i];
      }
    }
    return null;
  }

  /**
   * One small chart per root: its bound per report as points, its deadline as a dashed line. The line
   * between bounds stops where the cost model changes: those bounds are drawn apart, not joined.
   */
  function rootCard(root, runs, series, breaks) {
    var values = [];
    series.forEach(function (t) {
      if (t && t.bounded) {
        values.push(t.wcet);
      }
      if (t && typeof t.deadline === 'number') {
        values.push(t.deadline);
      }
    });
    var latest = series[series.length - 1];
    var late = !!latest && latest.bounded && typeof latest.deadline === 'number' && latest.wcet > latest.deadline;
    var card = el('div', {'class': 'root-card' + (late ? ' late' : ''), 'data-root': root.id});
    var m = root.method || {};
    card.appendChild(el('h3', {title: JavaNames.signature(m)}, el('code', null, JavaNames.breakable(JavaNames.signature(m, true)))));
    card.appendChild(el('p', {'class': 'root-class muted'}, el('code', null, JavaNames.breakable(JavaNames.className(String(m['class']))))));

    var plot = frame(300, 150, {left: 48, right: 8, top: 18, bottom: 22}, runs.length,
        Math.max.apply(null, [0].concat(values)));
    if (!values.length) {
      plot.ticks = [0]; // only unbounded: a scale would suggest numbers that are not there
    }
    var svg = chartSvg(plot, 'worst-case cost of ' + root.id + ' per report', 'timing', function (v) {
      return values.length ? count(v) : '';
    });
    xLabels(svg, plot, runs, function (run) { return '#' + run.number; });
    drawBreaks(svg, plot, breaks);

    var path = '';
    var deadlinePrevious = null;
    series.forEach(function (t, i) {
      var x = plot.slot(i);
      if (breakAt(breaks, i)) {
        path += ' ';
      }
      if (!t) {
        path += ' ';
        deadlinePrevious = null;
        return;
      }
      var deadline = typeof t.deadline === 'number' ? t.deadline : null;
      if (deadline !== null) {
        var yd = plot.y(deadline);
        svgEl(svg, 'line', {'class': 'deadline-line', x1: plot.slotStart(i), x2: plot.slotStart(i) + plot.slotWidth,
          y1: yd, y2: yd, 'stroke-dashoffset': dashOffset(plot, i), 'data-report': i, 'data-deadline': deadline});
        if (deadlinePrevious !== null && deadlinePrevious !== deadline) {
          svgEl(svg, 'line', {'class': 'deadline-line step', x1: plot.slotStart(i), x2: plot.slotStart(i),
            y1: plot.y(deadlinePrevious), y2: yd});
        }
      }
      deadlinePrevious = deadline;
      if (t.bounded) {
        var y = plot.y(t.wcet);
        path += (path === '' || path.charAt(path.length - 1) === ' ' ? 'M' : 'L') + x + ',' + y;
        var over = deadline !== null && t.wcet > deadline;
        var point = svgEl(svg, 'circle', {'class': 'point' + (over ? ' late' : ''), cx: x, cy: y, r: 4.5,
          'data-report': i, 'data-bound': t.wcet});
        svgEl(point, 'title', null, runs[i].name + ': bound ' + count(t.wcet)
            + (deadline === null ? ', no deadline' : ', deadline ' + count(deadline)));
        if (plot.slotWidth >= 40) {
          svgText(svg, x, y - 8, count(t.wcet), 'value', 'middle');
        }
      } else {
        path += ' ';
        var width = Math.min(36, plot.slotWidth * 0.6);
        var band = svgEl(svg, 'rect', {'class': 'unbounded-band', x: x - width / 2, y: plot.top, width: width,
          height: plot.y(0) - plot.top, 'data-report': i, 'data-unbounded': 'true'});
        svgEl(band, 'title', null, runs[i].name + ': unbounded (no bound could be proved)');
        if (plot.slotWidth >= 56) {
          svgText(svg, x, plot.top - 5, 'unbounded', 'unbounded-label', 'middle');
        }
      }
    });
    // Lines join consecutive bounded points only: an unbounded or missing report breaks the line.
    var segments = path.split(' ').filter(function (segment) { return segment.indexOf('L') >= 0; });
    segments.forEach(function (segment) {
      svg.insertBefore(svgNode('path', {'class': 'bound-line', d: segment}), svg.querySelector('circle'));
    });
    card.appendChild(svg);

    var latestText;
    if (!latest) {
      latestText = runs[runs.length - 1].report.timing ? 'not a root in the last report' : 'no timing in the last report';
    } else if (!latest.bounded) {
      latestText = 'unbounded';
    } else {
      latestText = count(latest.wcet) + (typeof latest.deadline === 'number'
          ? ' of its deadline ' + count(latest.deadline) + (late ? ': over' : '') : ', no deadline');
    }
    card.appendChild(el('p', {'class': 'latest'}, 'last: ' + latestText));
    return card;
  }

  // ---------------------------------------------------------------- findings

  function findingsTrend(runs) {
    var counts = runs.map(function (run) {
      var byRule = {};
      counted(run.report).forEach(function (f) {
        byRule[f.rule] = (byRule[f.rule] || 0) + 1;
      });
      return byRule;
    });
    var rules = [];
    counts.forEach(function (byRule) {
      Object.keys(byRule).forEach(function (rule) {
        if (rules.indexOf(rule) < 0) {
          rules.push(rule);
        }
      });
    });
    rules.sort(function (a, b) {
      var ia = RULE_ORDER.indexOf(a) < 0 ? RULE_ORDER.length : RULE_ORDER.indexOf(a);
      var ib = RULE_ORDER.indexOf(b) < 0 ? RULE_ORDER.length : RULE_ORDER.indexOf(b);
      return ia - ib || (a < b ? -1 : a > b ? 1 : 0);
    });
    var totals = counts.map(function (byRule) {
      return rules.reduce(function (sum, rule) { return sum + (byRule[rule] || 0); }, 0);
    });

    var box = document.querySelector('#findings-trend .chart-box');
    clear(box);
    var plot = frame(560, 250, {left: 52, right: 8, top: 24, bottom: 34}, runs.length, Math.max.apply(null, [0].concat(totals)));
    var svg = chartSvg(plot, 'findings per rule, per report', 'findings', count);
    xLabels(svg, plot, runs, function (run) { return '#' + run.number + ' ' + run.label; });
    drawBreaks(svg, plot, modelBreaks(runs));
    runs.forEach(function (run, i) {
      var x = plot.slot(i);
      var width = Math.min(64, plot.slotWidth * 0.5);
      var below = 0;
      rules.forEach(function (rule) {
        var n = counts[i][rule] || 0;
        if (n > 0) {
          var top = plot.y(below + n);
          var segment = svgEl(svg, 'rect', {'class': 'segment', x: x - width / 2, y: top, width: width,
            height: plot.y(below) - top, fill: colour(rule), 'data-report': i, 'data-rule': rule, 'data-count': n});
          svgEl(segment, 'title', null, run.name + ': ' + n + ' ' + rule);
          below += n;
        }
      });
      svgText(svg, x, plot.y(totals[i]) - 5, count(totals[i]), 'value total', 'middle');
    });
    box.appendChild(svg);

    var legend = document.querySelector('#findings-trend .legend.rules');
    clear(legend);
    rules.forEach(function (rule) {
      var item = el('span', {'class': 'rule-key', 'data-rule': rule});
      var swatch = el('i', {'class': 'swatch'});
      swatch.style.background = colour(rule);
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(rule));
      legend.appendChild(item);
    });
    if (!rules.length) {
      legend.appendChild(el('span', {'class': 'muted'}, 'no findings in any report'));
    }

    var head = document.querySelector('#findings-table thead');
    var body = document.querySelector('#findings-table tbody');
    clear(head);
    clear(body);
    head.appendChild(row([cell('th', null, 'rule')].concat(runs.map(function (run) {
      return cell('th', 'num', '#' + run.number, {title: run.name});
    }))));
    rules.forEach(function (rule) {
      body.appendChild(row([cell('td', null, rule)].concat(counts.map(function (byRule) {
        return cell('td', 'num', count(byRule[rule] || 0));
      })), {'class': 'rule-row', 'data-rule': rule}));
    });
    body.appendChild(row([cell('td', null, 'total')].concat(totals.map(function (n) {
      return cell('td', 'num', count(n));
    })), {'class': 'total'}));
    body.appendChild(row([cell('td', 'muted', 'suppressed (not counted)')].concat(runs.map(function (run) {
      return cell('td', 'num muted', count(run.report.findings.filter(function (f) { return f.suppressed; }).length));
    }))));
    if (runs.some(function (run) { return run.report.baseline; })) {
      body.appendChild(row([cell('td', 'muted', 'accepted by the baseline (not counted)')].concat(runs.map(function (run) {
        var baseline = run.report.baseline;
        return cell('td', 'num muted', baseline && Array.isArray(baseline.accepted) ? count(baseline.accepted.length) : '-');
      }))));
    }
  }

  /** The findings that count toward the verdict. */
  function counted(report) {
    return report.findings.filter(function (f) { return !f.suppressed; });
  }

  function colour(rule) {
    return Object.prototype.hasOwnProperty.call(RULE_COLOURS, rule) ? RULE_COLOURS[rule] : OTHER_RULE_COLOUR;
  }

  // ---------------------------------------------------------------- changes between the last two reports

  function changes(runs) {
    var body = document.querySelector('#changes .changes-body');
    clear(body);
    if (runs.length < 2) {
      body.appendChild(el('p', {'class': 'muted'}, 'Load two or more reports to see what changed between the last two.'));
      return;
    }
    var before = runs[runs.length - 2];
    var after = runs[runs.length - 1];
    var a = before.report;
    var b = after.report;
    var intro = el('p', {'class': 'between'});
    intro.appendChild(document.createTextNode('From #' + before.number + ' '));
    intro.appendChild(el('code', null, before.name));
    intro.appendChild(document.createTextNode(' to #' + after.number + ' '));
    intro.appendChild(el('code', null, after.name));
    intro.appendChild(document.createTextNode(': verdict '));
    intro.appendChild(verdictBadge(a.verdict));
    intro.appendChild(document.createTextNode(' \u2192 '));
    intro.appendChild(verdictBadge(b.verdict));
    intro.appendChild(document.createTextNode(', errors ' + count(a.summary.errors) + ' \u2192 ' + count(b.summary.errors)
        + ', warnings ' + count(a.summary.warnings) + ' \u2192 ' + count(b.summary.warnings) + '.'));
    body.appendChild(intro);

    var models = comparability.differences(a, b);
    var apart = comparability.rules(models);
    if (models.length) {
      var numbers = models.map(function (d) { return d.key === 'costModel' ? 'the bounds' : 'the memory'; });
      body.appendChild(el('p', {id: 'not-comparable', 'class': 'not-comparable', 'data-reason':
          comparability.describe(models)}, 'Not comparable: #' + before.number + ' and #' + after.number
          + ' were made with a different ' + models.map(function (d) { return d.label; }).join(' and ') + ' ('
          + comparability.describe(models) + '). Not shown as changes: ' + numbers.join(', ')
          + ' and the findings of ' + apart.join(', ') + '.'));
    }
    var comparable = function (f) { return apart.indexOf(f.rule) < 0; };
    var diff = findingDiff(counted(a).filter(comparable), counted(b).filter(comparable));
    var rootsBefore = rootIds(a);
    var rootsAfter = rootIds(b);
    var added = b.roots.filter(function (r) { return !rootsBefore[methodId(r)]; });
    var removed = a.roots.filter(function (r) { return !rootsAfter[methodId(r)]; });
    body.appendChild(el('p', {'class': 'change-counts'}, diff.added.length + ' new and ' + diff.removed.length
        + ' fixed findings; ' + added.length + ' roots added, ' + removed.length + ' removed.'));
    if (apart.length) {
      body.appendChild(notCompared(before, after, apart));
    }
    body.appendChild(memoryChange(a, b));
    boundChanges(body, a, b);
    rootList(body, 'roots-added', 'Roots added', added);
    rootList(body, 'roots-removed', 'Roots removed', removed);
    // The finding lists last: they can be long.
    findingList(body, 'new-findings', 'New findings', diff.added, 'none');
    findingList(body, 'fixed-findings', 'Fixed findings', diff.removed, 'none');
  }

  /** How many findings of each rule that was not compared each report has. */
  function notCompared(before, after, rules) {
    var counts = rules.map(function (rule) {
      var n = function (run) { return counted(run.report).filter(function (f) { return f.rule === rule; }).length; };
      return rule + ' ' + count(n(before)) + ' in #' + before.number + ', ' + count(n(after)) + ' in #' + after.number;
    });
    return el('p', {id: 'not-compared-findings', 'class': 'muted'}, 'Findings not compared: ' + counts.join('; ') + '.');
  }

  function memoryChange(reportA, reportB) {
    var a = reportA.memory;
    var b = reportB.memory;
    var layouts = comparability.differences(reportA, reportB, ['layout']);
    if (layouts.length) {
      return el('p', {'class': 'memory-change', 'data-comparable': 'false'},
          'Preallocated memory: not comparable (' + comparability.describe(layouts) + ').');
    }
    var p = el('p', {'class': 'memory-change'});
    if (!a || !b) {
      p.textContent = 'Preallocated memory: ' + (a ? 'no memory data in the last report' : b ? 'no memory data in the report before'
          : 'no memory data in either report') + '.';
      return p;
    }
    p.appendChild(document.createTextNode('Preallocated memory: ' + bytes(a.totalBytes) + ' \u2192 ' + bytes(b.totalBytes) + ' bytes '));
    p.appendChild(delta(b.totalBytes - a.totalBytes));
    var budgetA = typeof a.budgetBytes === 'number' ? bytes(a.budgetBytes) : 'none';
    var budgetB = typeof b.budgetBytes === 'number' ? bytes(b.budgetBytes) : 'none';
    p.appendChild(document.createTextNode(budgetA === budgetB ? '; budget ' + budgetB + '.'
        : '; budget ' + budgetA + ' \u2192 ' + budgetB + '.'));
    return p;
  }

  /**
   * New and fixed findings, matched without line numbers the way a baseline matches them (rule, root,
   * location method, and what the finding is about: the last frame of its chain and its message with
   * numbers masked), so a finding that only moved to another line is neither new nor fixed. Equal
   * identities are counted, so one more of the same is new.
   */
  function findingDiff(before, after) {
    var unmatched = {};
    before.forEach(function (f) {
      var key = findingKey(f);
      (unmatched[key] = unmatched[key] || []).push(f);
    });
    var added = [];
    after.forEach(function (f) {
      var same = unmatched[findingKey(f)];
      if (same && same.length) {
        same.shift();
      } else {
        added.push(f);
      }
    });
    var removed = before.filter(function (f) {
      var same = unmatched[findingKey(f)];
      return same.indexOf(f) >= 0;
    });
    return {added: added, removed: removed};
  }

  function findingKey(f) {
    var chain = Array.isArray(f.callChain) ? f.callChain : [];
    var subject = chain.length ? chain[chain.length - 1] : f.location;
    var message = String(f.message || '').replace(/(\.(?:java|kt|scala|groovy)):\d+/g, '$1').replace(/\d+/g, '#');
    return [f.rule, f.root ? methodId(f.root) : '', methodId(f.location), methodId(subject) + ' | ' + message].join('\n');
  }

  function findingList(parent, id, title, findings, none) {
    var section = el('div', {id: id, 'data-count': findings.length});
    section.appendChild(el('h3', null, title + ' (' + findings.length + ')'));
    if (!findings.length) {
      section.appendChild(el('p', {'class': 'muted'}, none));
    } else {
      var list = el('ul', {'class': 'changes' + (id === 'fixed-findings' ? ' fixed' : '')});
      findings.forEach(function (f) {
        var item = el('li', {'class': 'finding ' + f.severity, 'data-rule': f.rule});
        var head = el('div', {'class': 'finding-head'});
        head.appendChild(el('span', {'class': 'badge ' + (f.severity === 'warning' ? 'warning' : 'error')}, f.severity));
        head.appendChild(el('span', {'class': 'rule'}, f.rule));
        var where = el('span', {'class': 'where'});
        where.appendChild(el('code', {'class': 'file-line'}, fileLine(f.location)));
        where.appendChild(document.createTextNode(' in '));
        where.appendChild(el('code', {'class': 'method'}, f.location ? JavaNames.method(f.location) : '?'));
        head.appendChild(where);
        item.appendChild(head);
        if (f.root) {
          var root = el('div', {'class': 'root muted'}, 'root ');
          root.appendChild(el('code', null, JavaNames.breakable(JavaNames.signature(f.root))));
          item.appendChild(root);
        }
        item.appendChild(el('p', {'class': 'message'}, f.message || ''));
        list.appendChild(item);
      });
      section.appendChild(list);
    }
    parent.appendChild(section);
  }

  function rootIds(report) {
    var ids = {};
    report.roots.forEach(function (r) { ids[methodId(r)] = true; });
    return ids;
  }

  function rootList(parent, id, title, roots) {
    var section = el('div', {id: id, 'data-count': roots.length});
    section.appendChild(el('h3', null, title + ' (' + roots.length + ')'));
    if (!roots.length) {
      section.appendChild(el('p', {'class': 'muted'}, 'none'));
    } else {
      var list = el('ul', {'class': 'changes'});
      roots.forEach(function (r) {
        var item = el('li', {'class': 'root-change'});
        item.appendChild(el('code', {'class': 'root-name'}, JavaNames.breakable(JavaNames.signature(r))));
        item.appendChild(document.createTextNode(' ' + (r.kind || '') + (r.origin ? ' (' + r.origin + ')' : '')));
        list.appendChild(item);
      });
      section.appendChild(list);
    }
    parent.appendChild(section);
  }

  /** Roots in both reports whose bound, boundedness or deadline changed. */
  function boundChanges(parent, a, b) {
    var section = el('div', {id: 'bound-changes'});
    section.appendChild(el('h3', null, 'Worst-case bounds'));
    var costModels = comparability.differences(a, b, ['costModel']);
    if (costModels.length) {
      section.setAttribute('data-comparable', 'false');
      section.appendChild(el('p', {'class': 'muted'}, 'Not comparable (' + comparability.describe(costModels)
          + '): the bounds are cycles of different cost models.'));
      parent.appendChild(section);
      return;
    }
    var rows = [];
    (b.timing ? b.timing.roots : []).forEach(function (t) {
      var id = methodId(t.root);
      var old = timingOf(a, id);
      if (!old || (old.bounded === t.bounded && old.wcet === t.wcet && old.deadline === t.deadline)) {
        return;
      }
      var change = t.bounded && old.bounded ? delta(t.wcet - old.wcet)
          : el('span', {'class': 'delta ' + (t.bounded ? 'down' : 'up')}, t.bounded ? 'now bounded' : 'now unbounded');
      rows.push(row([
        cell('td', 'name', el('code', null, JavaNames.breakable(JavaNames.signature(t.root)))),
        cell('td', 'num', boundText(old)),
        cell('td', 'num', boundText(t)),
        cell('td', 'num', change)
      ], {'class': 'bound-change', 'data-root': id}));
    });
    if (!rows.length) {
      section.appendChild(el('p', {'class': 'muted'}, 'No bound or deadline changed.'));
    } else {
      var table = el('table', {id: 'bound-change-table'});
      table.appendChild(el('thead', null, row([cell('th', null, 'root'), cell('th', 'num', 'before: bound / deadline'),
        cell('th', 'num', 'after'), cell('th', 'num', 'change')])));
      var tbody = el('tbody');
      rows.forEach(function (r) { tbody.appendChild(r); });
      table.appendChild(tbody);
      section.appendChild(table);
    }
    parent.appendChild(section);
  }

  function boundText(t) {
    return (t.bounded ? count(t.wcet) : 'unbounded') + (typeof t.deadline === 'number' ? ' / ' + count(t.deadline) : '');
  }

  /** +80 in red (more is worse), -80 in green. */
  function delta(n) {
    var text = n > 0 ? '+' + count(n) : n < 0 ? '\u2212' + count(-n) : '\u00b10';
    return el('span', {'class': 'delta' + (n > 0 ? ' up' : n < 0 ? ' down' : '')}, '(' + text + ')');
  }

  // ---------------------------------------------------------------- chart frame

  /**
   * The plot area of a chart with one slot per report along x and 0..max (rounded up to a readable
   * value) along y.
   */
  function frame(width, height, margin, slots, max) {
    var scale = niceScale(max);
    var plot = {
      width: width, height: height, left: margin.left, right: width - margin.right, top: margin.top,
      bottom: height - margin.bottom, max: scale.max, ticks: scale.ticks
    };
    plot.slotWidth = (plot.right - plot.left) / slots;
    plot.slotStart = function (i) { return round(plot.left + i * plot.slotWidth); };
    plot.slot = function (i) { return round(plot.left + (i + 0.5) * plot.slotWidth); };
    plot.y = function (v) { return round(plot.bottom - (v / plot.max) * (plot.bottom - plot.top)); };
    return plot;
  }

  /** Lines drawn one slot at a time keep one dash pattern across the slots, as if drawn in one stroke. */
  function dashOffset(plot, i) {
    return plot.slotStart(i) - plot.left;
  }

  /** 0..max in four or five steps of 1, 2 or 5 times a power of ten. */
  function niceScale(max) {
    if (!(max > 0)) {
      return {max: 1, ticks: [0, 1]};
    }
    var raw = max / 4;
    var power = Math.pow(10, Math.floor(Math.log(raw) / Math.LN10));
    // Whole steps only: counts and bytes are integers (2.5 only from 25 up).
    var step = Math.max(1, [1, 2, 2.5, 5, 10].map(function (m) { return m * power; })
        .filter(function (s) { return s >= raw && (s >= 25 || s % 1 === 0); })[0]);
    var top = Math.ceil(max / step) * step;
    if (top === max) {
      top += step; // room above the highest bar for its label
    }
    var ticks = [];
    for (var v = 0; v <= top + step / 2; v += step) {
      ticks.push(v);
    }
    return {max: top, ticks: ticks};
  }

  function chartSvg(plot, label, kind, format) {
    var svg = svgNode('svg', {'class': 'chart', viewBox: '0 0 ' + plot.width + ' ' + plot.height, role: 'img',
      'aria-label': label, 'data-chart': kind, preserveAspectRatio: 'xMidYMid meet'});
    svgEl(svg, 'title', null, label);
    plot.ticks.forEach(function (v) {
      var y = plot.y(v);
      svgEl(svg, 'line', {'class': v === 0 ? 'axis' : 'grid', x1: plot.left, x2: plot.right, y1: y, y2: y});
      svgText(svg, plot.left - 6, y + 4, format(v), 'tick', 'end');
    });
    return svg;
  }

  function xLabels(svg, plot, runs, text) {
    var fits = Math.max(3, Math.floor(plot.slotWidth / 7));
    runs.forEach(function (run, i) {
      var full = text(run);
      var shown = full.length > fits ? full.substring(0, fits - 1) + '\u2026' : full;
      var label = svgText(svg, plot.slot(i), plot.bottom + 16, shown, 'x-label', 'middle');
      svgEl(label, 'title', null, run.name);
    });
  }

  // ---------------------------------------------------------------- DOM helpers (text only, never markup)

  function el(tag, attributes, content) {
    var node = document.createElement(tag);
    setAttributes(node, attributes);
    append(node, content);
    return node;
  }

  function svgNode(tag, attributes, content) {
    var node = document.createElementNS(SVG_NS, tag);
    setAttributes(node, attributes);
    append(node, content);
    return node;
  }

  function svgEl(parent, tag, attributes, content) {
    return parent.appendChild(svgNode(tag, attributes, content));
  }

  function svgText(parent, x, y, text, cls, anchor) {
    return svgEl(parent, 'text', {x: x, y: y, 'class': cls, 'text-anchor': anchor}, text);
  }

  function setAttributes(node, attributes) {
    if (attributes) {
      Object.keys(attributes).forEach(function (name) {
        node.setAttribute(name, String(attributes[name]));
      });
    }
  }

  function append(node, content) {
    if (content === undefined || content === null) {
      return;
    }
    node.appendChild(typeof content === 'object' ? content : document.createTextNode(String(content)));
  }

  function row(cells, attributes) {
    var tr = el('tr', attributes);
    cells.forEach(function (c) { tr.appendChild(c); });
    return tr;
  }

  function cell(tag, cls, content, attributes) {
    var node = el(tag, attributes, content);
    if (cls) {
      node.className = cls;
    }
    return node;
  }

  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
  }

  function verdictBadge(verdict) {
    var v = verdict === 'pass' ? 'pass' : 'fail';
    return el('span', {'class': 'badge ' + v, 'data-verdict': v}, v.toUpperCase());
  }

  /** The JVM name of a method, com.acme.Motor#onTick(I)V: how reports are matched, never shown. */
  function methodId(m) {
    return m ? m['class'] + '#' + m.method + m.descriptor : '';
  }

  /** Motor.java:42, as the HTML report writes it: the simple class name without a file, no line when 0. */
  function fileLine(location) {
    if (!location) {
      return '?';
    }
    var cls = String(location['class']);
    var file = location.file || cls.substring(cls.lastIndexOf('.') + 1);
    return file + (location.line > 0 ? ':' + location.line : '');
  }

  function count(n) {
    return typeof n === 'number' ? n.toLocaleString('en-US') : '-';
  }

  function bytes(n) {
    return count(n);
  }

  function round(v) {
    return Math.round(v * 10) / 10;
  }

  // ---------------------------------------------------------------- wiring

  var input = document.getElementById('file-input');
  input.addEventListener('change', function () {
    loadFiles(input.files);
  });

  var zone = document.getElementById('loader');
  function carriesFiles(event) {
    return event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types, 'Files') >= 0;
  }
  // The whole window takes the drop: a file dropped elsewhere would otherwise replace the page.
  window.addEventListener('dragover', function (event) {
    if (carriesFiles(event)) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      zone.classList.add('over');
    }
  });
  window.addEventListener('dragleave', function (event) {
    if (!event.relatedTarget) {
      zone.classList.remove('over');
    }
  });
  window.addEventListener('drop', function (event) {
    if (carriesFiles(event)) {
      event.preventDefault();
      zone.classList.remove('over');
      loadFiles(event.dataTransfer.files);
    }
  });

  if (!loadFromAddress()) {
    loadEmbedded();
  }
})();
