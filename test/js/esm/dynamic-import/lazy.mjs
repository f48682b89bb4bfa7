console.log("lazy evaluated");
export const value = 42;
export default "lazy default";
