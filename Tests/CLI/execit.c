/* execv(argv[1], argv + 1): lets Scripts/cli-tests make a guest program execute something
   (a script, another program) the way a shell would. */
#include <stdio.h>
#include <unistd.h>
int main(int argc, char **argv) {
    if (argc < 2) return 2;
    execv(argv[1], argv + 1);
    perror(argv[1]);
    return 127;
}
