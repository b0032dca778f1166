// LinuxABI: placeholder until the module lands.
