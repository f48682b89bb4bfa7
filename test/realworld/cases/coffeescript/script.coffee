# CoffeeScript's documented language overview.
number   = 42
opposite = true
number = -42 if opposite
square = (x) -> x * x
list = [1, 2, 3, 4, 5]
math =
  root:   Math.sqrt
  square: square
  cube:   (x) -> x * square x
race = (winner, runners...) ->
  print winner, runners
alert "I knew it!" if elvis?
cubes = (math.cube num for num in list)
class Animal
  constructor: (@name) ->
  move: (meters) -> "#{@name} moved #{meters}m."
class Snake extends Animal
  move: -> super 5
