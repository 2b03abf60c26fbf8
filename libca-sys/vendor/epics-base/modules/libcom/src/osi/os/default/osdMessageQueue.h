/*
 * Nothing needed for default implementation
 */
