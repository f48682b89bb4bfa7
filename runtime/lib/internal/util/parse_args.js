'use strict';
// internal/util/parse_args: util.parseArgs() — command-line parsing as
// Node 20 documents it.
//
// Phase 1 turns the argument list into tokens: options (`-f`, `-fVALUE`,
// grouped `-abc`, `--foo`, `--foo=bar`, `--foo bar` for string options),
// positionals, and the `--` terminator.  Phase 2 stores option values
// (arrays for `multiple`) and positionals, checking them in strict mode;
// phase 3 fills in defaults.  `tokens: true` returns the tokens too.

const {
  codes: {
    ERR_INVALID_ARG_VALUE,
    ERR_PARSE_ARGS_INVALID_OPTION_VALUE,
    ERR_PARSE_ARGS_UNKNOWN_OPTION,
    ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL,
  },
} = require('internal/errors');
const {
  validateArray,
  validateBoolean,
  validateBooleanArray,
  validateObject,
  validateString,
  validateStringArray,
  validateUnion,
} = require('internal/validators');

function objectGetOwn(obj, prop) {
  if (Object.prototype.hasOwnProperty.call(obj, prop)) return obj[prop];
  return undefined;
}

function optionsGetOwn(options, longOption, prop) {
  if (Object.prototype.hasOwnProperty.call(options, longOption)) {
    return objectGetOwn(options[longOption], prop);
  }
  return undefined;
}

// The program's own arguments: after the script (or after -e/-p code).
function getMainArgs() {
  const execArgv = process.execArgv || [];
  const evalFlags = ['-e', '--eval', '-p', '--print'];
  if (execArgv.some((a) => evalFlags.includes(a) || /^--(eval|print)=/.test(a))) {
    return process.argv.slice(1);
  }
  return process.argv.slice(2);
}

function isLoneShortOption(arg) {
  return arg.length === 2 && arg[0] === '-' && arg[1] !== '-';
}

function isLoneLongOption(arg) {
  return arg.length > 2 && arg.startsWith('--') && !arg.includes('=', 3);
}

function isLongOptionAndValue(arg) {
  return arg.length > 2 && arg.startsWith('--') && arg.includes('=', 3);
}

// Any following argument may be an option's value (even "-x"); strict
// mode then complains about values that look like options.
function isOptionValue(value) {
  return value != null;
}

function isOptionLikeValue(value) {
  if (value == null) return false;
  return value.length > 1 && value[0] === '-';
}

function findLongOptionForShort(shortOption, options) {
  validateObject(options, 'options');
  const longOptionEntry = Object.entries(options).find(
    ({ 1: optionConfig }) => objectGetOwn(optionConfig, 'short') === shortOption);
  return longOptionEntry?.[0] ?? shortOption;
}

function isShortOptionGroup(arg, options) {
  if (arg.length <= 2) return false;
  if (arg[0] !== '-') return false;
  if (arg[1] === '-') return false;
  const firstShort = arg[1];
  const longOption = findLongOptionForShort(firstShort, options);
  return optionsGetOwn(options, longOption, 'type') !== 'string';
}

function isShortOptionAndValue(arg, options) {
  validateObject(options, 'options');
  if (arg.length <= 2) return false;
  if (arg[0] !== '-') return false;
  if (arg[1] === '-') return false;
  const shortOption = arg[1];
  const longOption = findLongOptionForShort(shortOption, options);
  return optionsGetOwn(options, longOption, 'type') === 'string';
}

function argsToTokens(args, options) {
  const tokens = [];
  let index = -1;
  let groupCount = 0;
  const remainingArgs = args.slice();
  while (remainingArgs.length > 0) {
    const arg = remainingArgs.shift();
    const nextArg = remainingArgs[0];
    if (groupCount > 0) {
      groupCount--;
    } else {
      index++;
    }

    if (arg === '--') {
      // Everything after a bare "--" is positional.
      tokens.push({ kind: 'option-terminator', index });
      for (const rest of remainingArgs) {
        tokens.push({ kind: 'positional', index: ++index, value: rest });
      }
      break;
    }

    if (isLoneShortOption(arg)) {
      // -f
      const shortOption = arg[1];
      const longOption = findLongOptionForShort(shortOption, options);
      let value;
      let inlineValue;
      if (optionsGetOwn(options, longOption, 'type') === 'string' && isOptionValue(nextArg)) {
        // -f bar
        value = remainingArgs.shift();
        inlineValue = false;
      }
      tokens.push({ kind: 'option', name: longOption, rawName: arg, index, value, inlineValue });
      if (value != null) ++index;
      continue;
    }

    if (isShortOptionGroup(arg, options)) {
      // -abc is -a -b -c; a string option in the middle takes the rest.
      const expanded = [];
      for (let i = 1; i < arg.length; i++) {
        const shortOption = arg[i];
        const longOption = findLongOptionForShort(shortOption, options);
        if (optionsGetOwn(options, longOption, 'type') !== 'string' || i === arg.length - 1) {
          expanded.push(`-${shortOption}`);
        } else {
          expanded.push(`-${arg.slice(i)}`);
          break;
        }
      }
      remainingArgs.unshift(...expanded);
      groupCount = expanded.length;
      continue;
    }

    if (isShortOptionAndValue(arg, options)) {
      // -fFILE
      const shortOption = arg[1];
      const longOption = findLongOptionForShort(shortOption, options);
      const value = arg.slice(2);
      tokens.push({
        kind: 'option', name: longOption, rawName: `-${shortOption}`,
        index, value, inlineValue: true,
      });
      continue;
    }

    if (isLoneLongOption(arg)) {
      // --foo
      const longOption = arg.slice(2);
      let value;
      let inlineValue;
      if (optionsGetOwn(options, longOption, 'type') === 'string' && isOptionValue(nextArg)) {
        // --foo bar
        value = remainingArgs.shift();
        inlineValue = false;
      }
      tokens.push({ kind: 'option', name: longOption, rawName: arg, index, value, inlineValue });
      if (value != null) ++index;
      continue;
    }

    if (isLongOptionAndValue(arg)) {
      // --foo=bar
      const equalIndex = arg.indexOf('=');
      const longOption = arg.slice(2, equalIndex);
      const value = arg.slice(equalIndex + 1);
      tokens.push({
        kind: 'option', name: longOption, rawName: `--${longOption}`,
        index, value, inlineValue: true,
      });
      continue;
    }

    tokens.push({ kind: 'positional', index, value: arg });
  }
  return tokens;
}

function checkOptionLikeValue(token) {
  if (!token.inlineValue && isOptionLikeValue(token.value)) {
    const example = token.rawName.startsWith('--') ?
      `'${token.rawName}=-XYZ'` :
      `'--${token.name}=-XYZ' or '${token.rawName}-XYZ'`;
    const errorMessage = `Option '${token.rawName}' argument is ambiguous.
Did you forget to specify the option argument for '${token.rawName}'?
To specify an option argument starting with a dash use ${example}.`;
    throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(errorMessage);
  }
}

function checkOptionUsage(config, token) {
  if (!Object.prototype.hasOwnProperty.call(config.options, token.name)) {
    throw new ERR_PARSE_ARGS_UNKNOWN_OPTION(token.rawName, config.allowPositionals);
  }
  const short = optionsGetOwn(config.options, token.name, 'short');
  const shortAndLong = `${short ? `-${short}, ` : ''}--${token.name}`;
  const type = optionsGetOwn(config.options, token.name, 'type');
  if (type === 'string' && typeof token.value !== 'string') {
    throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(`Option '${shortAndLong} <value>' argument missing`);
  }
  if (type === 'boolean' && token.value != null) {
    throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(`Option '${shortAndLong}' does not take an argument`);
  }
}

function storeOption(longOption, optionValue, options, values) {
  if (longOption === '__proto__') return;
  const newValue = optionValue ?? true;
  if (optionsGetOwn(options, longOption, 'multiple')) {
    if (values[longOption]) {
      values[longOption].push(newValue);
    } else {
      values[longOption] = [newValue];
    }
  } else {
    values[longOption] = newValue;
  }
}

function storeDefaultOption(longOption, optionValue, values) {
  if (longOption === '__proto__') return;
  values[longOption] = optionValue;
}

function useDefaultValueOption(longOption, optionConfig, values) {
  return objectGetOwn(optionConfig, 'default') !== undefined &&
    values[longOption] === undefined;
}

function parseArgs(config = {}) {
  const args = objectGetOwn(config, 'args') ?? getMainArgs();
  const strict = objectGetOwn(config, 'strict') ?? true;
  const allowPositionals = objectGetOwn(config, 'allowPositionals') ?? !strict;
  const returnTokens = objectGetOwn(config, 'tokens') ?? false;
  const allowNegative = objectGetOwn(config, 'allowNegative') ?? false;
  const options = objectGetOwn(config, 'options') ?? { __proto__: null };
  const parseConfig = { args, strict, options, allowPositionals, allowNegative };

  validateArray(args, 'args');
  validateBoolean(strict, 'strict');
  validateBoolean(allowPositionals, 'allowPositionals');
  validateBoolean(returnTokens, 'tokens');
  validateBoolean(allowNegative, 'allowNegative');
  validateObject(options, 'options');
  for (const { 0: longOption, 1: optionConfig } of Object.entries(options)) {
    validateObject(optionConfig, `options.${longOption}`);
    const optionType = objectGetOwn(optionConfig, 'type');
    validateUnion(optionType, `options.${longOption}.type`, ['string', 'boolean']);

    if (Object.prototype.hasOwnProperty.call(optionConfig, 'short')) {
      const shortOption = optionConfig.short;
      validateString(shortOption, `options.${longOption}.short`);
      if (shortOption.length !== 1) {
        throw new ERR_INVALID_ARG_VALUE(
          `options.${longOption}.short`, shortOption, 'must be a single character');
      }
    }

    const multipleOption = objectGetOwn(optionConfig, 'multiple');
    if (Object.prototype.hasOwnProperty.call(optionConfig, 'multiple')) {
      validateBoolean(multipleOption, `options.${longOption}.multiple`);
    }

    const defaultValue = objectGetOwn(optionConfig, 'default');
    if (defaultValue !== undefined) {
      let validator;
      switch (optionType) {
        case 'string':
          validator = multipleOption ? validateStringArray : validateString;
          break;
        case 'boolean':
          validator = multipleOption ? validateBooleanArray : validateBoolean;
          break;
      }
      validator(defaultValue, `options.${longOption}.default`);
    }
  }

  const tokens = argsToTokens(args, options);

  const result = {
    values: { __proto__: null },
    positionals: [],
  };
  if (returnTokens) {
    result.tokens = tokens;
  }
  for (const token of tokens) {
    if (token.kind === 'option') {
      let negated = false;
      if (allowNegative && token.name.startsWith('no-')) {
        // --no-foo sets the boolean option foo to false.
        const longOption = token.name.slice(3);
        if (optionsGetOwn(options, longOption, 'type') === 'boolean') {
          token.name = longOption;
          negated = true;
        }
      }
      if (strict) {
        checkOptionUsage(parseConfig, token);
        checkOptionLikeValue(token);
      }
      storeOption(token.name, negated ? false : token.value, options, result.values);
    } else if (token.kind === 'positional') {
      if (!allowPositionals) {
        throw new ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL(token.value);
      }
      result.positionals.push(token.value);
    }
  }

  for (const { 0: longOption, 1: optionConfig } of Object.entries(options)) {
    if (useDefaultValueOption(longOption, optionConfig, result.values)) {
      storeDefaultOption(longOption, objectGetOwn(optionConfig, 'default'), result.values);
    }
  }

  return result;
}

module.exports = { parseArgs };
