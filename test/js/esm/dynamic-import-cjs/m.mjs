export const named = "named";
export default "default";
