/**
 * Building the page from data without ever parsing data as HTML: text goes in through text
 * nodes and `textContent`, attributes through `setAttribute` with names checked here, and no
 * `innerHTML` anywhere.
 */

export type AttributeValue = string | number | boolean | undefined;

export interface ElementProps {
  readonly className?: string;
  /** A stable `data-testid` for end-to-end tests. */
  readonly testId?: string;
  /** The element's whole text (set as `textContent`). */
  readonly text?: string;
  /** Other attributes; `true` sets an empty attribute, `false`/`undefined` leaves it out. */
  readonly attrs?: Readonly<Record<string, AttributeValue>>;
}

export type Child = Node | string;

/** An element with properties and children; string children become text nodes. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: ElementProps = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.testId) node.dataset.testid = props.testId;
  for (const [name, value] of Object.entries(props.attrs ?? {})) setAttribute(node, name, value);
  if (props.text !== undefined) node.textContent = props.text;
  append(node, ...children);
  return node;
}

/** Appends children, strings as text nodes. */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
}

/** Replaces all of `parent`'s content; strings as text nodes. */
export function replaceContent(parent: Element, ...children: Child[]): void {
  parent.replaceChildren(...children.map((c) => (typeof c === 'string' ? document.createTextNode(c) : c)));
}

/** Sets an element's whole text. */
export function setText(node: Node, text: string): void {
  node.textContent = text;
}

/**
 * Sets one attribute. Event-handler attributes (`on…`) and `style` are refused: the CSP
 * blocks them anyway, and refusing them here keeps data from ever reaching one.
 */
export function setAttribute(node: Element, name: string, value: AttributeValue): void {
  if (!/^[a-z][a-z0-9-]*$/.test(name) || /^on/.test(name) || name === 'style' || name === 'srcdoc') {
    throw new Error(`dom: refusing attribute ${JSON.stringify(name)}`);
  }
  if (value === undefined || value === false) node.removeAttribute(name);
  else node.setAttribute(name, value === true ? '' : String(value));
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element with attributes (through {@link setAttribute}: no `on…`, no `style`) and children. */
export function svgEl<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Readonly<Record<string, AttributeValue>> = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) setAttribute(node, name, value);
  append(node, ...children);
  return node;
}
