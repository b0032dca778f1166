// GuestMemory: placeholder until the module lands.
