# bash: functions, local and recursion, arrays, pipes into external tools, subshells, command
# and process substitution, here-docs and here-strings, traps (EXIT, ERR, a signal, RETURN),
# background jobs and wait, set -e in a subshell, printf -v, regex matching, arithmetic.
set -u
trap 'echo "EXIT trap, status $?"' EXIT
fact() { local n=$1; if ((n <= 1)); then echo 1; else echo $((n * $(fact $((n - 1))))); fi; }
echo "fact 20 = $(fact 20)"
declare -A color=([apple]=red [banana]=yellow [kiwi]=green)
fruits=(banana apple kiwi cherry)
for f in "${fruits[@]}"; do echo "$f:${color[$f]:-unknown}"; done | sort
echo "${#fruits[@]} ${fruits[*]:1:2} ${fruits[@]/a/A} ${!color[*]}" | tr ' ' '\n' | sort | tr '\n' ' '; echo
printf -v padded '%05d|%-6s|%x' 42 ab 255; echo "$padded"
x=outer; (x=inner; echo "subshell $x $BASH_SUBSHELL"); echo "parent $x"
count=$(seq 1 1000 | grep -c 7); echo "lines with 7: $count"
while read -r n name; do echo "$name has $n"; done < <(sort lines.txt | uniq -c | sort -k1,1nr -k2 | head -n 3)
cat <<EOF2 | tr a-z A-Z
here-doc with $x and $((6 * 7))
  and $(echo command substitution)
EOF2
cat <<'EOF2'
quoted here-doc keeps $x and $(this)
EOF2
read -r first rest <<<"here string words"; echo "$first/$rest"
if [[ "version-12.34" =~ ^([a-z]+)-([0-9]+)\.([0-9]+)$ ]]; then echo "${BASH_REMATCH[@]}"; fi
trap 'echo "USR1 trapped"' USR1
kill -USR1 $$
trap - USR1
f_ret() { trap 'echo "RETURN from f_ret"' RETURN; echo in f_ret; }
f_ret; trap - RETURN
(set -e; trap 'echo "ERR in subshell at line $LINENO"' ERR; false; echo not reached)
echo "subshell status $?"
sleep 0.2 & pid=$!
(exit 7) & pid2=$!
wait $pid; s1=$?; wait $pid2; s2=$?; echo "waited: $s1 $s2"
{ echo to-stderr >&2; echo to-stdout; } 2>/dev/null
exec 3>fd3.txt; echo via fd 3 >&3; exec 3>&-; cat fd3.txt
echo $(( (1 << 40) + 7 % 3 ** 2 )) $((16#ff)) $((2#1011)) $((-17 / 5)) $((-17 % 5))
RANDOM=42; echo "random $RANDOM $RANDOM"
shopt -s extglob; v=aaabbbccc; echo "${v##+(a)} ${v//b/B} ${v^^} ${v:2:4}"
mapfile -t arr < lines.txt; echo "mapfile ${#arr[@]} ${arr[2]}"
diff <(printf '%s\n' a b c) <(printf '%s\n' a x c) | head -n 5
echo "pipestatus: $(false | true | (exit 3); echo "${PIPESTATUS[@]}")"
(trap 'echo "TERM trapped in subshell"; exit 9' TERM; kill -TERM $BASHPID; sleep 5); echo "status $?"
exit 5
