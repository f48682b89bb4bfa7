await null;
export const late = 1;
