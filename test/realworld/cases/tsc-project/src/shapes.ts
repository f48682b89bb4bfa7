export enum Kind { Circle = "circle", Square = "square" }

export interface Circle { kind: Kind.Circle; radius: number }
export interface Square { kind: Kind.Square; side: number }
export type Shape = Circle | Square;

export function area(s: Shape): number {
  switch (s.kind) {
    case Kind.Circle: return Math.PI * s.radius ** 2;
    case Kind.Square: return s.side * s.side;
  }
}
