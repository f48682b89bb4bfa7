import { area, Kind, Shape } from "./shapes";
import { Stack } from "./stack";

const shapes: Shape[] = [
  { kind: Kind.Circle, radius: 1 },
  { kind: Kind.Square, side: 3 },
];
const st = new Stack<Shape>(4);
for (const s of shapes) st.push(s);
export const total = shapes.map(area).reduce((a, b) => a + b, 0);
export const label = st.size > 0 ? `${st.size} shapes` : "empty";
export const maybe = (shapes[5] as Shape | undefined)?.kind ?? "none";
