export const a = 1;
export const b = "bee";
export default { isDefault: true };
