@NM@/handlebars/bin/handlebars
list.handlebars
