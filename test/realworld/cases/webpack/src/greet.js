export const VERSION = '1.0';
export default function greet(name) { return `hello ${name}`; }
