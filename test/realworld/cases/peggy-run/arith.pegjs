// Simple arithmetic grammar (peggy's documented example).
Expression
  = head:Term tail:(_ ("+" / "-") _ Term)* {
      return tail.reduce((r, e) => e[1] === "+" ? r + e[3] : r - e[3], head);
    }
Term
  = head:Factor tail:(_ ("*" / "/") _ Factor)* {
      return tail.reduce((r, e) => e[1] === "*" ? r * e[3] : r / e[3], head);
    }
Factor
  = "(" _ expr:Expression _ ")" { return expr; }
  / Integer
Integer "integer"
  = _ [0-9]+ { return parseInt(text(), 10); }
_ "whitespace"
  = [ \t\n\r]*
