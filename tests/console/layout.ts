// Checks run in the console page (as evaluate() scripts) for what is cut off or too small.

/** Elements that stick out past `width` px, except inside a table's own scrolling box. */
export const overflowing = (width: number): string =>
  `[...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > ${width + 1} && !e.closest('.table-wrap')).slice(0, 8).map((e) => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))`;

/** Chart labels drawn (partly) outside their chart's viewBox, which the browser would cut off. */
export const clippedText = `[...document.querySelectorAll('svg.chart')].flatMap((svg) => {
  const box = svg.viewBox.baseVal;
  return [...svg.querySelectorAll('text')].filter((t) => {
    const b = t.getBBox();
    return b.x < -0.5 || b.y < -0.5 || b.x + b.width > box.width + 0.5 || b.y + b.height > box.height + 0.5;
  }).map((t) => svg.id + ' ' + svg.querySelector('title').textContent + ': ' + t.textContent);
})`;

/** The smallest chart label as drawn on screen, in CSS pixels: its font size scaled as its chart is. */
export const smallestChartText = `Math.min(...[...document.querySelectorAll('svg.chart')].flatMap((svg) => {
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  return [...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
}))`;
