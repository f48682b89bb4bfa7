@NM@/mustache/bin/mustache
view.json
page.mustache
