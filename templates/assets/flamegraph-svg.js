// Zoom for profgate's SVG flame graph: click a frame to zoom into it, "Reset zoom" (or Escape) to go back.
(function () {
  'use strict';
  var area = document.getElementById('frames');
  var details = document.getElementById('details');
  var unzoom = document.getElementById('unzoom');
  var ns = 'http://www.w3.org/2000/svg';
  var areaWidth = Number(area.getAttribute('width'));
  var charWidth = 12 * 0.59;
  var eps = 1e-9;

  // Each frame's original place, read once: x and width in percent of the area, y in px (root lowest).
  var frames = Array.prototype.map.call(area.querySelectorAll('g'), function (g) {
    var rect = g.querySelector('rect');
    var title = g.querySelector('title').textContent;
    var newline = title.indexOf('\n');
    var rgb = /rgb\((\d+),(\d+),(\d+)\)/.exec(rect.getAttribute('fill')) || [0, 255, 255, 255];
    return {
      g: g, rect: rect, text: g.querySelector('text'),
      name: newline < 0 ? title : title.slice(0, newline),
      details: newline < 0 ? '' : title.slice(newline + 1),
      x: parseFloat(rect.getAttribute('x')) / 100, w: parseFloat(rect.getAttribute('width')) / 100,
      y: Number(rect.getAttribute('y')),
      dark: 0.299 * rgb[1] + 0.587 * rgb[2] + 0.114 * rgb[3] < 140
    };
  });

  function place(f, x, w) {
    f.rect.setAttribute('x', (x * 100).toFixed(4) + '%');
    f.rect.setAttribute('width', (w * 100).toFixed(4) + '%');
    var fit = Math.floor((w * areaWidth - 6) / charWidth);
    var label = fit < 3 ? '' : f.name.length <= fit ? f.name : f.name.slice(0, fit - 2) + '..';
    if (!f.text && label) {
      f.text = document.createElementNS(ns, 'text');
      f.text.setAttribute('y', (f.y + 11.5).toFixed(1));
      if (f.dark) f.text.setAttribute('class', 'dark');
      f.g.appendChild(f.text);
    }
    if (f.text) {
      f.text.setAttribute('x', (x * 100 + 0.25).toFixed(4) + '%');
      f.text.textContent = label;
    }
  }

  function zoom(target) {
    frames.forEach(function (f) {
      f.g.classList.remove('hide', 'parent');
      if (!target) { place(f, f.x, f.w); return; }
      if (f.y > target.y && f.x <= target.x + eps && f.x + f.w >= target.x + target.w - eps) {
        f.g.classList.add('parent');
        place(f, 0, 1);
      } else if (f.y <= target.y && f.x >= target.x - eps && f.x + f.w <= target.x + target.w + eps) {
        place(f, (f.x - target.x) / target.w, f.w / target.w);
      } else {
        f.g.classList.add('hide');
      }
    });
    unzoom.classList.toggle('hide', !target);
  }

  frames.forEach(function (f, i) {
    f.g.addEventListener('click', function () { zoom(i === 0 ? null : f); });
    f.g.addEventListener('mouseover', function () { details.textContent = f.name + ' — ' + f.details; });
    f.g.addEventListener('mouseout', function () { details.textContent = ' '; });
  });
  unzoom.addEventListener('click', function () { zoom(null); });
  document.documentElement.addEventListener('keydown', function (e) { if (e.key === 'Escape') zoom(null); });
})();
