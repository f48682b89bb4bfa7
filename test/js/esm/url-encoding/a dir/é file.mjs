export const here = import.meta.url.slice(import.meta.url.lastIndexOf("/a%20dir"));
