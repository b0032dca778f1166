// GuestARM: placeholder until the module lands.
