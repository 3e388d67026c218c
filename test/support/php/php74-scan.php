<?php
/**
 * Finds syntax and functions PHP 7.4 does not have, in the files named on the command line, by
 * their tokens (token_get_all of the PHP running this, 8.x): what `php -l` on PHP 8 cannot see.
 * Prints one JSON object: { "<file>": [ "line N: what", … ] }.
 */

$php8_functions = array(
    'str_contains', 'str_starts_with', 'str_ends_with', 'get_debug_type', 'get_resource_id', 'fdiv',
    'preg_last_error_msg', 'array_is_list', 'enum_exists', 'array_find', 'array_any', 'array_all',
    'json_validate', 'mb_str_pad',
);
$php8_tokens = array(
    'T_MATCH' => 'match expression',
    'T_NULLSAFE_OBJECT_OPERATOR' => 'nullsafe operator ?->',
    'T_ATTRIBUTE' => 'attribute #[…]',
    'T_ENUM' => 'enum',
    'T_READONLY' => 'readonly',
);

/** The tokens without whitespace and comments, as [ kind, text, line ]. */
function freigabe_significant_tokens($code) {
    $tokens = array();
    $line = 1;
    foreach (token_get_all($code) as $token) {
        if (is_array($token)) {
            $line = $token[2];
            if (in_array($token[0], array(T_WHITESPACE, T_COMMENT, T_DOC_COMMENT), true)) {
                continue;
            }
            $tokens[] = array(token_name($token[0]), $token[1], $line);
        } else {
            $tokens[] = array($token, $token, $line);
        }
    }
    return $tokens;
}

/** The index of the parenthesis closing the one at $open. */
function freigabe_closing($tokens, $open) {
    $depth = 0;
    for ($i = $open, $n = count($tokens); $i < $n; $i++) {
        if ($tokens[$i][0] === '(') {
            $depth++;
        } elseif ($tokens[$i][0] === ')') {
            $depth--;
            if ($depth === 0) {
                return $i;
            }
        }
    }
    return $n - 1;
}

function freigabe_scan($code, $php8_functions, $php8_tokens) {
    $found = array();
    $tokens = freigabe_significant_tokens($code);
    $n = count($tokens);
    for ($i = 0; $i < $n; $i++) {
        list($kind, $text, $line) = $tokens[$i];
        $previous = $i > 0 ? $tokens[$i - 1][0] : null;
        $next = $i + 1 < $n ? $tokens[$i + 1][0] : null;
        if (isset($php8_tokens[$kind])) {
            $found[] = "line $line: " . $php8_tokens[$kind];
        }
        if ($kind === 'T_STRING' && $next === '(' && in_array(strtolower($text), $php8_functions, true)
            && !in_array($previous, array('T_OBJECT_OPERATOR', 'T_DOUBLE_COLON', 'T_FUNCTION'), true)) {
            $found[] = "line $line: $text() (PHP 8)";
        }
        // Named arguments: `name:` right after `(` or `,` (a ternary's `: ` never follows those).
        if ($kind === 'T_STRING' && $next === ':' && ($previous === '(' || $previous === ',')) {
            $found[] = "line $line: named argument $text:";
        }
        if ($kind === 'T_VARIABLE' && $next === 'T_DOUBLE_COLON' && $i + 2 < $n && $tokens[$i + 2][0] === 'T_CLASS') {
            $found[] = "line $line: \$object::class";
        }
        // First-class callable syntax: f(...)
        if ($kind === '(' && $next === 'T_ELLIPSIS' && $i + 2 < $n && $tokens[$i + 2][0] === ')') {
            $found[] = "line $line: first-class callable (...)";
        }
        if ($kind === 'T_CATCH' && $next === '(') {
            $close = freigabe_closing($tokens, $i + 1);
            $has_variable = false;
            for ($j = $i + 1; $j < $close; $j++) {
                $has_variable = $has_variable || $tokens[$j][0] === 'T_VARIABLE';
            }
            if (!$has_variable) {
                $found[] = "line $line: catch without a variable";
            }
        }
        if ($kind === 'T_FUNCTION' || $kind === 'T_FN') {
            $open = $i + 1;
            while ($open < $n && $tokens[$open][0] !== '(') {
                $open++;
            }
            if ($open >= $n) {
                continue;
            }
            $close = freigabe_closing($tokens, $open);
            $name = $tokens[$i + 1][0] === 'T_STRING' ? $tokens[$i + 1][1] : '';
            for ($j = $open + 1; $j < $close; $j++) {
                $inner = $tokens[$j][0];
                if ($inner === '|' && freigabe_is_type_position($tokens, $j, $open)) {
                    $found[] = 'line ' . $tokens[$j][2] . ': union type';
                    break;
                }
                if (in_array($inner, array('T_PUBLIC', 'T_PROTECTED', 'T_PRIVATE'), true) && strtolower($name) === '__construct') {
                    $found[] = 'line ' . $tokens[$j][2] . ': constructor property promotion';
                    break;
                }
                if (in_array(strtolower($tokens[$j][1]), array('mixed', 'never'), true) && $tokens[$j][0] === 'T_STRING' && $tokens[$j + 1][0] === 'T_VARIABLE') {
                    $found[] = 'line ' . $tokens[$j][2] . ': type ' . $tokens[$j][1];
                    break;
                }
            }
            if ($tokens[$close - 1][0] === ',') {
                $found[] = 'line ' . $tokens[$close][2] . ': trailing comma in a parameter list';
            }
            // The return type: `): A|B`, `): mixed`, `): static`.
            if ($close + 1 < $n && $tokens[$close + 1][0] === ':') {
                for ($j = $close + 2; $j < $n && !in_array($tokens[$j][0], array('{', ';', 'T_DOUBLE_ARROW'), true); $j++) {
                    if ($tokens[$j][0] === '|') {
                        $found[] = 'line ' . $tokens[$j][2] . ': union return type';
                    }
                    if (in_array(strtolower($tokens[$j][1]), array('mixed', 'never', 'static'), true)) {
                        $found[] = 'line ' . $tokens[$j][2] . ': return type ' . $tokens[$j][1];
                    }
                }
            }
        }
    }
    return $found;
}

/** Whether the `|` at $j sits between parameter types (after `(` or `,`, before the variable). */
function freigabe_is_type_position($tokens, $j, $open) {
    for ($k = $j - 1; $k > $open; $k--) {
        $kind = $tokens[$k][0];
        if ($kind === ',') {
            return true;
        }
        if ($kind === 'T_VARIABLE' || $kind === '=') {
            return false;
        }
    }
    return true;
}

$report = array();
foreach (array_slice($argv, 1) as $file) {
    $report[$file] = freigabe_scan(file_get_contents($file), $php8_functions, $php8_tokens);
}
echo json_encode($report, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES), "\n";
