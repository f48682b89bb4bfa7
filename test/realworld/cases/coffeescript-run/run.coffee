class Animal
  constructor: (@name) ->
  move: (meters) -> "#{@name} moved #{meters}m."
class Snake extends Animal
  move: -> "Slithering... " + super 5
fib = (n) -> if n < 2 then n else fib(n - 1) + fib(n - 2)
console.log new Snake("Sammy the Python").move()
console.log (fib n for n in [0..10]).join ' '
console.log {a, b} = {a: 1, b: [2, 3]}
await_it = -> new Promise (r) -> setTimeout (-> r 'done'), 1
await_it().then (v) -> console.log v
