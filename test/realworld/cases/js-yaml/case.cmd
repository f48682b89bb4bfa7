@NM@/js-yaml/bin/js-yaml.js
config.yaml
