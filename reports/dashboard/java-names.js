/*
 * Methods named as Java names them, for people: com.acme.TelemetryHandler.onSample(String, long), never the
 * JVM descriptor (Ljava/lang/String;J)V that the JSON report carries. The same rules as the reports'
 * JavaSignatures (analyzer/core, dev.headroom.core.model): parameter types by their simple name, nested
 * classes as Outer.Inner (an anonymous Outer$1 keeps its $), varargs as the array they are, a constructor as
 * its class's name, <clinit> as "static initializer". The browser tests check the page against that class.
 */
var JavaNames = (function () {
  'use strict';

  /** com.acme.Motor.onTick(int), com.acme.Ring(int); with simple, the class without its package. */
  function signature(m, simple) {
    if (!m) {
      return '';
    }
    var cls = simple ? simpleClassName(String(m['class'])) : className(String(m['class']));
    if (m.method === '<init>') {
      return cls + parameters(m.descriptor);
    }
    return m.method === '<clinit>' ? cls + ' static initializer' : cls + '.' + m.method + parameters(m.descriptor);
  }

  /** onTick(int); Ring(int) for a constructor (its own class's name); static initializer. */
  function method(m) {
    if (m.method === '<init>') {
      var simple = simpleClassName(String(m['class']));
      return simple.substring(simple.lastIndexOf('.') + 1) + parameters(m.descriptor);
    }
    return m.method === '<clinit>' ? 'static initializer' : m.method + parameters(m.descriptor);
  }

  /** (String, long, int[]) for (Ljava/lang/String;J[I)V. */
  function parameters(descriptor) {
    var d = String(descriptor || '');
    var params = [];
    var i = d.indexOf('(') + 1;
    while (i > 0 && i < d.length && d.charAt(i) !== ')') {
      var start = i;
      while (i < d.length && d.charAt(i) === '[') {
        i++;
      }
      if (d.charAt(i) === 'L') {
        var semi = d.indexOf(';', i);
        i = semi < 0 ? d.length : semi + 1;
      } else {
        i = Math.min(i + 1, d.length);
      }
      params.push(typeName(d.substring(start, i)));
    }
    return '(' + params.join(', ') + ')';
  }

  var PRIMITIVES = {B: 'byte', C: 'char', D: 'double', F: 'float', I: 'int', J: 'long', S: 'short', Z: 'boolean', V: 'void'};

  function typeName(field) {
    var dims = 0;
    while (field.charAt(dims) === '[') {
      dims++;
    }
    var element = field.substring(dims);
    var name = Object.prototype.hasOwnProperty.call(PRIMITIVES, element) ? PRIMITIVES[element]
        : element.charAt(0) === 'L' && element.charAt(element.length - 1) === ';'
            ? simpleClassName(element.substring(1, element.length - 1).replace(/\//g, '.')) : element;
    return name + new Array(dims + 1).join('[]');
  }

  /** com.acme.Outer.Inner for com.acme.Outer$Inner; Outer$1 and Foo$$Lambda keep their $. */
  function className(binary) {
    var out = '';
    for (var i = 0; i < binary.length; i++) {
      var c = binary.charAt(i);
      var nested = c === '$' && i > 0 && i + 1 < binary.length && binary.charAt(i - 1) !== '$'
          && binary.charAt(i - 1) !== '.' && binary.charAt(i + 1) !== '$' && /[A-Za-z_\u0080-\uffff]/.test(binary.charAt(i + 1));
      out += nested ? '.' : c;
    }
    return out;
  }

  /** Outer.Inner for com.acme.Outer$Inner. */
  function simpleClassName(binary) {
    return className(binary.substring(binary.lastIndexOf('.') + 1));
  }

  /** The name as text with a line-break opportunity after each dot and $: it wraps between its parts only. */
  function breakable(name) {
    var fragment = document.createDocumentFragment();
    var from = 0;
    for (var i = 0; i < name.length - 1; i++) {
      if (name.charAt(i) === '.' || name.charAt(i) === '$') {
        fragment.appendChild(document.createTextNode(name.substring(from, i + 1)));
        fragment.appendChild(document.createElement('wbr'));
        from = i + 1;
      }
    }
    fragment.appendChild(document.createTextNode(name.substring(from)));
    return fragment;
  }

  return {signature: signature, method: method, className: className, breakable: breakable};
})();
