"""The agent's phone lines behind one interface: SIP headset, serial phone-line box, simulated."""
