// Which objdump mnemonics each decode pattern may disassemble as. The corpus test checks every
// instruction word objdump decodes against this table.
//
// A pattern's mnemonics are its name up to the first "_", lowercased (LDRD_imm -> ldrd), unless
// the table below lists them. objdump's mnemonic is compared without its "." suffix (.w, .n,
// .f32, .i16, ...) and may carry a condition code (addeq, vmovne, bleq).

enum MnemonicTable {
    static let conditions = ["eq", "ne", "cs", "hs", "cc", "lo", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt", "gt", "le", "al"]

    /// The mnemonics (without condition) that `pattern` may be printed as.
    static func mnemonics(for pattern: String) -> [String] {
        if let listed = table[pattern] { return listed }
        let base = pattern.split(separator: "_", maxSplits: 1).first.map(String.init) ?? pattern
        return [base.lowercased()]
    }

    /// Whether objdump's `mnemonic` (as printed, e.g. "addseq", "vadd.f32", "ldr.w") is one
    /// that `pattern` may disassemble as.
    static func accepts(pattern: String, mnemonic: String) -> Bool {
        let bare = mnemonic.split(separator: ".", maxSplits: 1).first.map(String.init) ?? mnemonic
        for base in mnemonics(for: pattern) {
            if bare == base { return true }
            if bare.hasPrefix(base), conditions.contains(String(bare.dropFirst(base.count))) { return true }
        }
        return false
    }

    // Data-processing instructions with an S bit print as "<op>s" when it is set.
    private static func flags(_ op: String) -> [String] { [op, op + "s"] }

    static let table: [String: [String]] = [
        // A32 and T32 data-processing (the same names in both specs)
        "ADC_imm": flags("adc"), "ADC_reg": flags("adc"), "ADC_rsr": flags("adc"),
        "ADD_imm": flags("add") + ["adr"], "ADD_reg": flags("add"), "ADD_rsr": flags("add"),
        "ADD_imm_T1": flags("add"), "ADD_imm_T2": flags("add"), "ADD_imm_T3": flags("add"),
        "ADD_imm_T4": ["addw", "add"], "ADD_reg_T1": flags("add"), "ADD_reg_T2": ["add"],
        "ADD_SP_imm_T1": ["add"], "ADD_SP_imm_T2": ["add"], "SUB_SP_imm": ["sub"],
        "ADR": ["adr", "add", "addw", "sub", "subw"],
        "AND_imm": flags("and"), "AND_reg": flags("and"), "AND_rsr": flags("and"),
        "BIC_imm": flags("bic"), "BIC_reg": flags("bic"), "BIC_rsr": flags("bic"),
        "EOR_imm": flags("eor"), "EOR_reg": flags("eor"), "EOR_rsr": flags("eor"),
        "ORR_imm": flags("orr"), "ORR_reg": flags("orr"), "ORR_rsr": flags("orr"),
        "ORN_imm": flags("orn"), "ORN_reg": flags("orn"),
        "RSB_imm": flags("rsb") + flags("neg"), "RSB_reg": flags("rsb"), "RSB_rsr": flags("rsb"),
        "RSC_imm": flags("rsc"), "RSC_reg": flags("rsc"), "RSC_rsr": flags("rsc"),
        "SBC_imm": flags("sbc"), "SBC_reg": flags("sbc"), "SBC_rsr": flags("sbc"),
        "SUB_imm": flags("sub") + ["adr"], "SUB_reg": flags("sub"), "SUB_rsr": flags("sub"),
        "SUB_imm_T1": flags("sub"), "SUB_imm_T2": flags("sub"), "SUB_imm_T3": flags("sub"),
        "SUB_imm_T4": ["subw", "sub"],
        "MOV_imm": flags("mov"), "MVN_imm": flags("mvn"), "MVN_reg": flags("mvn"), "MVN_rsr": flags("mvn"),
        // Shifts are MOV forms; "mov r0, r0" is objdump's nop in ARM state.
        "MOV_reg": flags("mov") + flags("lsl") + flags("lsr") + flags("asr") + flags("ror") + flags("rrx") + ["nop"],
        "MOV_rsr": flags("mov") + flags("lsl") + flags("lsr") + flags("asr") + flags("ror"),
        "MOV_reg_T1": ["mov", "cpy", "nop"], "MOV_reg_T2": ["movs", "mov"],
        "LSL_imm": flags("lsl"), "LSR_imm": flags("lsr"), "ASR_imm": flags("asr"),
        "LSL_reg": flags("lsl"), "LSR_reg": flags("lsr"), "ASR_reg": flags("asr"), "ROR_reg": flags("ror"),
        "MUL": flags("mul"), "MLA": flags("mla"), "UMULL": flags("umull"), "UMLAL": flags("umlal"),
        "SMULL": flags("smull"), "SMLAL": flags("smlal"),
        "SMLAxy": ["smlabb", "smlabt", "smlatb", "smlatt"],
        "SMULxy": ["smulbb", "smulbt", "smultb", "smultt"],
        "SMLALxy": ["smlalbb", "smlalbt", "smlaltb", "smlaltt"],
        "SMLAWy": ["smlawb", "smlawt"], "SMULWy": ["smulwb", "smulwt"],
        "SMLAD": ["smlad", "smladx"], "SMLSD": ["smlsd", "smlsdx"], "SMUAD": ["smuad", "smuadx"],
        "SMUSD": ["smusd", "smusdx"], "SMLALD": ["smlald", "smlaldx"], "SMLSLD": ["smlsld", "smlsldx"],
        "SMMUL": ["smmul", "smmulr"], "SMMLA": ["smmla", "smmlar"], "SMMLS": ["smmls", "smmlsr"],

        // Branches
        "B_T1": ["b"], "B_T2": ["b"], "B_T3": ["b"], "B_T4": ["b"],
        "IT": ["it", "itt", "ite", "ittt", "itte", "itet", "itee", "itttt", "ittte", "ittet", "ittee",
               "itett", "itete", "iteet", "iteee"],

        // Loads and stores: the stack forms print as push/pop
        "STMDB": ["stmdb", "stmfd", "push"], "LDM": ["ldm", "ldmia", "ldmfd", "pop"],
        "STM": ["stm", "stmia", "stmea"], "STMDA": ["stmda", "stmed"], "STMIB": ["stmib", "stmfa"],
        "LDMDA": ["ldmda", "ldmfa"], "LDMDB": ["ldmdb", "ldmea"], "LDMIB": ["ldmib", "ldmed"],
        "PUSH": ["push"], "POP": ["pop"],
        "STR_imm": ["str", "push"], "LDR_imm": ["ldr", "pop"], "STR_imm_T4": ["str", "push"], "LDR_imm_T4": ["ldr", "pop"],
        "STRT_A1": ["strt"], "STRT_A2": ["strt"], "LDRT_A1": ["ldrt"], "LDRT_A2": ["ldrt"],
        "STRBT_A1": ["strbt"], "STRBT_A2": ["strbt"], "LDRBT_A1": ["ldrbt"], "LDRBT_A2": ["ldrbt"],
        "STRHT_A1": ["strht"], "STRHT_A2": ["strht"], "LDRHT_A1": ["ldrht"], "LDRHT_A2": ["ldrht"],
        "LDRSBT_A1": ["ldrsbt"], "LDRSBT_A2": ["ldrsbt"], "LDRSHT_A1": ["ldrsht"], "LDRSHT_A2": ["ldrsht"],
        "PLD_imm": ["pld", "pldw"], "PLD_reg": ["pld", "pldw"], "PLD_lit": ["pld", "pldw"],
        "PLD_imm_T1": ["pld", "pldw"], "PLD_imm_T2": ["pld", "pldw"],
        // Coprocessors 1 and 2 print as the old FPA instructions
        "LDC_imm": ["ldc", "ldcl", "ldfs", "ldfd", "ldfe", "ldfp", "lfm"], "LDC_lit": ["ldc", "ldcl", "ldfs", "ldfd", "ldfe", "ldfp", "lfm"],
        "STC": ["stc", "stcl", "stfs", "stfd", "stfe", "stfp", "sfm"],
        "LDC2_imm": ["ldc2", "ldc2l"], "LDC2_lit": ["ldc2", "ldc2l"], "STC2": ["stc2", "stc2l"],

        // System and hints
        "MSR_imm": ["msr"], "MSR_reg": ["msr"],
        "CPS": ["cps", "cpsie", "cpsid"],
        "SRS": ["srs", "srsda", "srsia", "srsdb", "srsib"], "RFE": ["rfe", "rfeda", "rfeia", "rfedb", "rfeib"],

        // VFP
        "VCMP_A1": ["vcmp"], "VCMP_A2": ["vcmp"], "VCMPE_A1": ["vcmpe"], "VCMPE_A2": ["vcmpe"],
        "VCVT_fp_int": ["vcvt", "vcvtr"],
        "VLDM": ["vldmia", "vldm", "vpop", "fldmiax", "fldmx"], "VLDMDB": ["vldmdb", "fldmdbx"],
        "VSTM": ["vstmia", "vstm", "fstmiax", "fstmx"], "VSTMDB": ["vstmdb", "vpush", "fstmdbx"],

        // NEON: VORR with Vn == Vm prints as vmov
        "VORR_reg": ["vorr", "vmov"], "VMUL_int": ["vmul"], "VSHLL_A1": ["vshll"], "VSHLL_A2": ["vshll"],
    ]
}
