export default "esm default";
