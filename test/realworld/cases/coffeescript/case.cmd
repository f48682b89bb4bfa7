@NM@/coffeescript/bin/coffee
-c
-p
-b
script.coffee
