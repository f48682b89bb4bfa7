@NM@/yaml/bin.mjs
--yaml
1.1
