namespace Csw.Params;

/// <summary>
/// A TMT subsystem: the first part of every <see cref="Prefix"/>. The names are CSW's, and the
/// wire format writes them exactly as declared here (<c>TCS</c>, <c>WFOS</c>, ..., <c>Container</c>).
/// </summary>
public enum Subsystem
{
    /// <summary>Adaptive Optics Executive Software.</summary>
    AOESW,
    /// <summary>Alignment and Phasing System.</summary>
    APS,
    /// <summary>Communications and Information Systems.</summary>
    CIS,
    /// <summary>Optical Cleaning Systems.</summary>
    CLN,
    /// <summary>Instrumentation Cryogenic Cooling System.</summary>
    CRYO,
    /// <summary>Common Software.</summary>
    CSW,
    /// <summary>Data Management System.</summary>
    DMS,
    /// <summary>Data Processing System.</summary>
    DPS,
    /// <summary>Enclosure.</summary>
    ENC,
    /// <summary>Engineering Sensors.</summary>
    ESEN,
    /// <summary>Executive Software.</summary>
    ESW,
    /// <summary>Optics Handling Equipment.</summary>
    HNDL,
    /// <summary>Observatory Headquarters.</summary>
    HQ,
    /// <summary>InfraRed Imaging Spectrometer.</summary>
    IRIS,
    /// <summary>Laser Guide Star Facility.</summary>
    LGSF,
    /// <summary>M1 Optical Coating System.</summary>
    M1COAT,
    /// <summary>M1 Control System.</summary>
    M1CS,
    /// <summary>M1 Optics System.</summary>
    M1S,
    /// <summary>M2/M3 Optical Coating System.</summary>
    M2COAT,
    /// <summary>M2 System.</summary>
    M2S,
    /// <summary>M3 System.</summary>
    M3S,
    /// <summary>Multi-Object Diffraction-limited High-resolution IR Spectrograph.</summary>
    MODHIS,
    /// <summary>Narrow Field Infrared AO System.</summary>
    NFIRAOS,
    /// <summary>Observatory Safety System.</summary>
    OSS,
    /// <summary>Instrumentation Refrigerant Cooling System.</summary>
    REFR,
    /// <summary>Site Conditions Monitoring System.</summary>
    SCMS,
    /// <summary>Services.</summary>
    SER,
    /// <summary>Science Operations Support Systems.</summary>
    SOSS,
    /// <summary>Structure.</summary>
    STR,
    /// <summary>Summit Facilities.</summary>
    SUM,
    /// <summary>Telescope Control System.</summary>
    TCS,
    /// <summary>Test Instruments.</summary>
    TINS,
    /// <summary>Wide Field Optical Spectrograph.</summary>
    WFOS,
    /// <summary>Container subsystem (CSW spells it in mixed case on the wire: <c>Container</c>).</summary>
    Container,
}
