// A schematic map drawn from coordinates alone (no tiles from the internet: a kiosk may be offline,
// and published maps in China need an approval number). Longitude is scaled by cos(latitude), which
// over a district is as true as a map needs to be. An operator's tile URL ({z}/{x}/{y}) adds tiles
// underneath, placed with the same projection.

const SVG = 'http://www.w3.org/2000/svg';
const PAD = 56;
const MAX_TILES = 30;

export function svgEl(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) if (value != null) el.setAttribute(name, String(value));
  for (const child of children) if (child) el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return el;
}

/**
 * A projection that fits `coords` into width × height. With `centre` (the kiosk), distances from it
 * are drawn on a square-root scale: the city's many points spread out and the far townships still
 * fit, directions stay true. Such a map is schematic, and says so in its legend.
 */
export function projection(coords, width, height, centre = null) {
  const ref = centre || coords[0];
  const k = Math.cos((ref.lat * Math.PI) / 180);
  const plane = (c) => {
    const x = (c.lng - ref.lng) * k;
    const y = ref.lat - c.lat;
    if (!centre) return [x, y];
    const r = Math.hypot(x, y);
    const f = r === 0 ? 0 : Math.sqrt(r) / r;
    return [x * f, y * f];
  };
  const xy = coords.map(plane);
  const minX = Math.min(...xy.map((p) => p[0]));
  const maxX = Math.max(...xy.map((p) => p[0]));
  const minY = Math.min(...xy.map((p) => p[1]));
  const maxY = Math.max(...xy.map((p) => p[1]));
  const scale = Math.min((width - 2 * PAD) / Math.max(maxX - minX, 1e-4), (height - 2 * PAD) / Math.max(maxY - minY, 1e-4));
  const offX = (width - (maxX - minX) * scale) / 2;
  const offY = (height - (maxY - minY) * scale) / 2;
  const project = (c) => {
    const [x, y] = plane(c);
    return [offX + (x - minX) * scale, offY + (y - minY) * scale];
  };
  // Tiles need a true-to-scale map: without a centre the inverse is exact.
  const unproject = ([x, y]) => ({ lng: ref.lng + ((x - offX) / scale + minX) / k, lat: ref.lat - ((y - offY) / scale + minY) });
  return { project, unproject, width, height, schematic: Boolean(centre) };
}

/** The background: a soft land colour, a faint grid, and the operator's tiles when configured. */
export function background(proj, tileUrl) {
  const group = svgEl('g', { class: 'map-bg', 'aria-hidden': 'true' });
  group.append(svgEl('rect', { x: 0, y: 0, width: proj.width, height: proj.height, class: 'land', rx: 24 }));
  for (let x = 0; x < proj.width; x += 120) group.append(svgEl('line', { x1: x, y1: 0, x2: x, y2: proj.height, class: 'grid' }));
  for (let y = 0; y < proj.height; y += 120) group.append(svgEl('line', { x1: 0, y1: y, x2: proj.width, y2: y, class: 'grid' }));
  if (tileUrl && !proj.schematic) for (const tile of tiles(proj, tileUrl)) group.append(tile);
  return group;
}

function tiles(proj, template) {
  const nw = proj.unproject([0, 0]);
  const se = proj.unproject([proj.width, proj.height]);
  for (let z = 16; z >= 3; z--) {
    const [x0, y0] = tileOf(nw, z);
    const [x1, y1] = tileOf(se, z);
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > MAX_TILES) continue;
    const images = [];
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const [ax, ay] = proj.project(cornerOf(x, y, z));
        const [bx, by] = proj.project(cornerOf(x + 1, y + 1, z));
        const href = template.replace('{z}', z).replace('{x}', x).replace('{y}', y);
        images.push(svgEl('image', { href, x: ax, y: ay, width: bx - ax, height: by - ay, preserveAspectRatio: 'none', class: 'tile' }));
      }
    }
    return images;
  }
  return [];
}

function tileOf({ lat, lng }, z) {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return [Math.floor(((lng + 180) / 360) * n), Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n)];
}

function cornerOf(x, y, z) {
  const n = 2 ** z;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / n))) * 180) / Math.PI;
  return { lat, lng: (x / n) * 360 - 180 };
}

/** The "you are here" marker. */
export function here(proj, at, text) {
  const [x, y] = proj.project(at);
  return svgEl('g', { class: 'here', transform: `translate(${x} ${y})` },
    svgEl('circle', { r: 26, class: 'here-halo' }),
    svgEl('circle', { r: 12, class: 'here-dot' }),
    svgEl('text', { y: -38, 'text-anchor': 'middle', class: 'here-text' }, text));
}
