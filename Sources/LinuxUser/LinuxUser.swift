// LinuxUser: placeholder until the module lands.
