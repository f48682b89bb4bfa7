@NM@/js-yaml/bin/js-yaml.js
-t
bad.yaml
