@NM@/coffeescript/bin/coffee
run.coffee
