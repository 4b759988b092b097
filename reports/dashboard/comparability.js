/*
 * Headroom dashboard: which numbers of two reports can be compared. A report's worst-case bounds are
 * cycles of its cost model (timing.costModel) and its memory is bytes under its object layout
 * (memory.layout): the numbers of reports made with different models are not the same quantity (2,857
 * cycles of the interpreter model and 706 of the unit model say nothing about an improvement), so the
 * dashboard draws them apart, says why, and never shows them as a change. Nor does it compare the
 * findings that depend on such a model (a deadline exceeded under one cost model and met under another is
 * neither new nor fixed). Loaded before dashboard.js, which uses it.
 */
var HeadroomComparability = (function () {
  'use strict';

  /** What a report's numbers depend on: where the report names it, and the rules whose findings depend on it. */
  var MODELS = [
    {key: 'costModel', label: 'cost model', numbers: 'bounds',
      of: function (report) { return isObject(report.timing) ? report.timing.costModel : undefined; },
      rules: ['deadline-exceeded']},
    {key: 'layout', label: 'layout', numbers: 'memory',
      of: function (report) { return isObject(report.memory) ? report.memory.layout : undefined; },
      rules: ['ram-budget-exceeded', 'stack-budget-exceeded']}
  ];

  function isObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  }

  /** A report's model of this key ('unit', 'hotspot-coops'), or null when the report has none (no such analysis). */
  function model(report, key) {
    var value = byKey(key).of(report);
    return typeof value === 'string' ? value : null;
  }

  function byKey(key) {
    for (var i = 0; i < MODELS.length; i++) {
      if (MODELS[i].key === key) {
        return MODELS[i];
      }
    }
    throw new Error('no model ' + key);
  }

  /**
   * The models (of the keys given, or all) in which two reports differ, as
   * {key, label, before, after, rules}; empty when their numbers can be compared. A report without the
   * analysis has nothing to compare, so it differs from none.
   */
  function differences(before, after, keys) {
    var found = [];
    MODELS.forEach(function (m) {
      if (keys && keys.indexOf(m.key) < 0) {
        return;
      }
      var a = model(before, m.key);
      var b = model(after, m.key);
      if (a !== null && b !== null && a !== b) {
        found.push({key: m.key, label: m.label, before: a, after: b, rules: m.rules.slice()});
      }
    });
    return found;
  }

  /** 'cost model interpreter → unit, layout hotspot-nocoops → hotspot-coops' */
  function describe(found) {
    return found.map(function (d) { return d.label + ' ' + d.before + ' \u2192 ' + d.after; }).join(', ');
  }

  /** The rules whose findings cannot be compared across these differences. */
  function rules(found) {
    var all = [];
    found.forEach(function (d) {
      d.rules.forEach(function (rule) {
        if (all.indexOf(rule) < 0) {
          all.push(rule);
        }
      });
    });
    return all;
  }

  return {differences: differences, describe: describe, rules: rules, model: model};
})();
